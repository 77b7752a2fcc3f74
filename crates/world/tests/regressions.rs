//! Inputs that once made a reference-data reader panic, found by the fuzz
//! target `world_wikidata` (in `fuzz/`) and by reading the code it led to.
//! None may panic; each reads or fails as noted.

use statecraft_types::Date;
use statecraft_world::{import, Precision, States, When};

fn retrieved() -> Date {
    Date::from_ymd(2025, 2, 11).unwrap()
}

/// One Wikidata binding, KOR–CUB, with the given start and its precision.
fn one_binding(start: &str, precision: &str) -> Vec<u8> {
    serde_json::json!({
        "head": { "vars": ["countryISO", "partnerISO", "start", "startPrecision"] },
        "results": { "bindings": [{
            "countryISO": { "value": "KOR" },
            "partnerISO": { "value": "CUB" },
            "start": { "value": start },
            "startPrecision": { "value": precision },
        }] },
    })
    .to_string()
    .into_bytes()
}

fn start_of(start: &str, precision: &str) -> Result<When, String> {
    let bytes = one_binding(start, precision);
    import::read_wikidata(&bytes, "p530.json", States::bundled(), retrieved())
        .map(|got| got.ties[0].from)
        .map_err(|e| e.to_string())
}

/// A year-only value with month precision (10): the reader sliced the
/// value to 7 bytes, past its end (import.rs `read_wikidata`). It reads as
/// the year: precision is never made finer than the value.
#[test]
fn wikidata_year_value_with_month_precision() {
    let w = start_of("2024", "10").unwrap();
    assert_eq!(w.precision, Precision::Year);
    assert_eq!(w.to_string(), "2024");
}

/// A value padded with two em spaces (3 bytes each) and year precision (9):
/// the reader sliced it at byte 4, inside the second space.
#[test]
fn wikidata_padded_value_with_year_precision() {
    let w = start_of("\u{2003}\u{2003}2024", "9").unwrap();
    assert_eq!(w.to_string(), "2024");
}

/// The fuzzer's minimised input (`world_wikidata`, 187 bytes): the same
/// short value with month precision, as raw bytes.
#[test]
fn wikidata_fuzz_minimised_short_start() {
    let bytes = br#"{"head":{"vars":["countryISO","partnerISO"]},"results":{"bindings":[{"countryISO":{"value":"KOR"},"partnerISO":{"value":"SYR"},"start":{"value":"6836"},"startPrecision":{"value":"10"}}]}}"#;
    let got = import::read_wikidata(bytes, "p530.json", States::bundled(), retrieved()).unwrap();
    assert_eq!(got.ties[0].from.to_string(), "6836");
    assert_eq!(got.ties[0].from.precision, Precision::Year);
}

/// The end date went through the same code.
#[test]
fn wikidata_short_end_with_month_precision() {
    let bytes = br#"{"head":{"vars":["countryISO","partnerISO"]},"results":{"bindings":[
        {"countryISO":{"value":"QAT"},"partnerISO":{"value":"BHR"},
         "end":{"value":"2017"},"endPrecision":{"value":"10"}}]}}"#;
    let got = import::read_wikidata(bytes, "p530.json", States::bundled(), retrieved()).unwrap();
    assert_eq!(got.ties[0].to.unwrap().to_string(), "2017");
}

/// What the precisions did before still holds: full timestamps are cut
/// to the year or month, and bad values still fail naming the binding.
#[test]
fn wikidata_precisions_unchanged() {
    assert_eq!(
        start_of("2024-02-14T00:00:00Z", "9").unwrap().to_string(),
        "2024"
    );
    assert_eq!(
        start_of("2024-02-14T00:00:00Z", "10").unwrap().to_string(),
        "2024-02"
    );
    assert_eq!(
        start_of("2024-02-14T00:00:00Z", "11").unwrap().to_string(),
        "2024-02-14"
    );
    assert_eq!(start_of("2024-02", "9").unwrap().to_string(), "2024");
    let e = start_of("2024-0", "10").unwrap_err();
    assert!(e.starts_with("p530.json: binding 1: "), "{e}");
}
