//! Every format, written from three hand-made events and read back.

use serde_json::{json, Value};
use statecraft_export::{
    export, sink, ExportError, Format, CSV_COLUMNS, GDELT_COLUMNS, ROW_GROUP_ROWS,
};
use statecraft_types::{
    ActorOrigin, ActorSource, Date, EventRecord, Evidence, Feature, Location, LocationSource,
    Modality, Precision, Spans,
};
use std::path::PathBuf;
use std::process::Command;

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd(y, m, d).unwrap()
}

/// 0: complete; 1: every optional field null; 2: text that needs quoting
/// and cleaning, an intention, a dictionary code with a suffix.
fn events() -> Vec<EventRecord> {
    vec![
        EventRecord {
            id: 101,
            story_id: "AFP-20250211-0042".into(),
            story_hash: "9f2c".into(),
            story_date: day(2025, 2, 11),
            sentence: 0,
            source: "KORGOV".into(),
            target: "SYR".into(),
            source_state: Some("KOR".into()),
            target_state: Some("SYR".into()),
            cameo: "042".into(),
            root: Some("04".into()),
            plover: Some("CONSULT".into()),
            goldstein: Some(1.9),
            quad_class: Some(1),
            date: day(2025, 2, 9),
            date_end: day(2025, 2, 9),
            date_precision: Precision::Day,
            date_text: Some("on Sunday".into()),
            modality: None,
            text: "Seoul's foreign minister visited Damascus on Sunday.".into(),
            spans: Spans {
                source: Some([0, 5]),
                target: Some([33, 41]),
                verb: Some([25, 32]),
            },
            pattern: Some("* DAMASCUS".into()),
            source_actor: Some(ActorOrigin {
                actor_source: ActorSource::Inferred,
                evidence: Evidence {
                    sentence: 0,
                    span: [0, 24],
                    text: "Seoul's foreign minister".into(),
                },
            }),
            target_actor: None,
            location: Some(Location {
                name: "Damascus".into(),
                country: "SYR".into(),
                feature: Feature::City,
                adm1: Some("13".into()),
                lat: Some(33.5102),
                lon: Some(36.29128),
                geonames_id: Some(170654),
                span: Some([33, 41]),
                source: LocationSource::Text,
            }),
        },
        EventRecord {
            id: 102,
            story_id: "AFP-20250211-0042".into(),
            story_hash: "9f2c".into(),
            story_date: day(2025, 2, 11),
            sentence: 3,
            source: "IGOUNO".into(),
            target: "REB".into(),
            source_state: None,
            target_state: None,
            cameo: "0110".into(),
            root: None,
            plover: None,
            goldstein: None,
            quad_class: None,
            date: day(2025, 2, 11),
            date_end: day(2025, 2, 11),
            date_precision: Precision::Story,
            date_text: None,
            modality: None,
            text: "The UN criticised the rebels.".into(),
            spans: Spans::default(),
            pattern: None,
            source_actor: None,
            target_actor: None,
            location: None,
        },
        EventRecord {
            id: 9_000_000_123,
            story_id: "https://example.invalid/a\tb".into(),
            story_hash: "77aa".into(),
            story_date: day(2024, 12, 31),
            sentence: 1,
            source: "USAMIL".into(),
            target: "SYRREB".into(),
            source_state: Some("USA".into()),
            target_state: Some("SYR".into()),
            cameo: "174K".into(),
            root: Some("17".into()),
            plover: Some("COERCE".into()),
            goldstein: Some(-5.0),
            quad_class: Some(4),
            date: day(2024, 12, 1),
            date_end: day(2024, 12, 31),
            date_precision: Precision::Month,
            date_text: Some("in December".into()),
            modality: Some(Modality::Intended),
            text: "Officials said, \"the \"army\"\twill\ndeport\r\nrebels\".".into(),
            spans: Spans {
                source: Some([22, 26]),
                target: Some([41, 47]),
                verb: Some([33, 39]),
            },
            pattern: None,
            source_actor: None,
            target_actor: None,
            location: Some(Location {
                name: "Syria".into(),
                country: "SYR".into(),
                feature: Feature::Country,
                adm1: None,
                lat: None,
                lon: None,
                geonames_id: Some(163843),
                span: None,
                source: LocationSource::Dateline,
            }),
        },
    ]
}

fn write(format: Format, events: &[EventRecord]) -> Vec<u8> {
    let mut out = Vec::new();
    let n = export(format, &mut out, events).unwrap();
    assert_eq!(n, events.len() as u64);
    out
}

fn text(format: Format, events: &[EventRecord]) -> String {
    String::from_utf8(write(format, events)).unwrap()
}

// ---------------------------------------------------------------- GDELT

#[test]
fn gdelt_lines_have_61_fields() {
    let out = text(Format::Gdelt, &events());
    assert!(out.ends_with('\n'));
    assert!(!out.contains('\r'));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    for line in lines {
        assert_eq!(line.matches('\t').count(), 60, "{line:?}");
        assert_eq!(line.split('\t').count(), GDELT_COLUMNS.len());
    }
}

#[test]
fn gdelt_values() {
    let out = text(Format::Gdelt, &events());
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    let col = |name: &str| GDELT_COLUMNS.iter().position(|c| *c == name).unwrap();
    #[rustfmt::skip]
    let table: &[(usize, &str, &str)] = &[
        (0, "GLOBALEVENTID", "101"),
        (0, "SQLDATE", "20250209"),
        (0, "MonthYear", "202502"),
        (0, "Year", "2025"),
        (0, "FractionDate", "2025.1096"),
        (0, "Actor1Code", "KORGOV"),
        (0, "Actor1Name", "SEOUL"),
        (0, "Actor1CountryCode", "KOR"),
        (0, "Actor1Type1Code", "GOV"),
        (0, "Actor1Type2Code", ""),
        (0, "Actor2Code", "SYR"),
        (0, "Actor2Name", "DAMASCUS"),
        (0, "Actor2CountryCode", "SYR"),
        (0, "Actor2Type1Code", ""),
        (0, "IsRootEvent", "1"),
        (0, "EventCode", "042"),
        (0, "EventBaseCode", "042"),
        (0, "EventRootCode", "04"),
        (0, "QuadClass", "1"),
        (0, "GoldsteinScale", "1.9"),
        (0, "NumMentions", "1"),
        (0, "NumSources", "1"),
        (0, "NumArticles", "1"),
        (0, "AvgTone", ""),
        (0, "Actor1Geo_Type", ""),
        (0, "Actor2Geo_FeatureID", ""),
        (0, "ActionGeo_Type", "4"),
        (0, "ActionGeo_FullName", "Damascus, Syria"),
        (0, "ActionGeo_CountryCode", "SY"),
        (0, "ActionGeo_ADM1Code", "SY13"),
        (0, "ActionGeo_ADM2Code", ""),
        (0, "ActionGeo_Lat", "33.5102"),
        (0, "ActionGeo_Long", "36.29128"),
        (0, "ActionGeo_FeatureID", "170654"),
        (1, "ActionGeo_Type", ""),
        (1, "ActionGeo_FullName", ""),
        (1, "ActionGeo_Lat", ""),
        (2, "ActionGeo_Type", "1"),
        (2, "ActionGeo_FullName", "Syria"),
        (2, "ActionGeo_CountryCode", "SY"),
        (2, "ActionGeo_ADM1Code", "SY"),
        (2, "ActionGeo_Lat", ""),
        (2, "ActionGeo_Long", ""),
        (2, "ActionGeo_FeatureID", "SY"),
        (0, "DATEADDED", "20250211000000"),
        (0, "SOURCEURL", "AFP-20250211-0042"),
        (1, "GLOBALEVENTID", "102"),
        (1, "Actor1Code", "IGOUNO"),
        (1, "Actor1Name", ""),
        (1, "Actor1CountryCode", ""),
        (1, "Actor1Type1Code", "IGO"),
        (1, "Actor2Code", "REB"),
        (1, "Actor2Type1Code", "REB"),
        (1, "IsRootEvent", "0"),
        (1, "EventCode", "0110"),
        (1, "EventBaseCode", "011"),
        (1, "EventRootCode", "01"),
        (1, "QuadClass", ""),
        (1, "GoldsteinScale", ""),
        (2, "GLOBALEVENTID", "9000000123"),
        (2, "SQLDATE", "20241201"),
        (2, "MonthYear", "202412"),
        (2, "FractionDate", "2024.9205"),
        (2, "Actor1Name", "ARMY"),
        (2, "Actor1Type1Code", "MIL"),
        (2, "Actor2CountryCode", "SYR"),
        (2, "Actor2Type1Code", "REB"),
        (2, "Actor2Name", "REBELS"),
        (2, "EventCode", "174K"),
        (2, "EventBaseCode", "174"),
        (2, "EventRootCode", "17"),
        (2, "QuadClass", "4"),
        (2, "GoldsteinScale", "-5.0"),
        (2, "DATEADDED", "20241231000000"),
        (2, "SOURCEURL", "https://example.invalid/a b"),
    ];
    for &(row, name, want) in table {
        assert_eq!(rows[row][col(name)], want, "event {row}, {name}");
    }
}

#[test]
fn gdelt_layout_matches_reference() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/ontology/gdelt2_events_columns.tsv"
    );
    let Ok(tsv) = std::fs::read_to_string(path) else {
        println!("skipped: {path} not found; GDELT layout not compared");
        return;
    };
    let names: Vec<(usize, &str)> = tsv
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            let i = f.next().unwrap().trim().parse().unwrap();
            (i, f.next().unwrap().trim())
        })
        .collect();
    assert_eq!(names.len(), GDELT_COLUMNS.len());
    for (k, (i, name)) in names.into_iter().enumerate() {
        assert_eq!(i, k);
        assert_eq!(GDELT_COLUMNS[k], name, "column {k}");
    }
}

// ---------------------------------------------------------------- CSV

/// An RFC 4180 reader for the tests: records of fields.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
        } else {
            match c {
                '"' => {
                    assert!(field.is_empty(), "quote inside an unquoted field");
                    quoted = true;
                }
                ',' => row.push(std::mem::take(&mut field)),
                '\r' => assert_eq!(chars.next(), Some('\n'), "bare CR"),
                '\n' => panic!("bare LF outside quotes"),
                _ => field.push(c),
            }
            if c == '\r' {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "unterminated"
    );
    rows
}

#[test]
fn csv_header_and_values() {
    let evs = events();
    let out = text(Format::Csv, &evs);
    let rows = parse_csv(&out);
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0], CSV_COLUMNS);
    for r in &rows {
        assert_eq!(r.len(), CSV_COLUMNS.len());
    }
    let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
    #[rustfmt::skip]
    let table: &[(usize, &str, &str)] = &[
        (0, "id", "101"),
        (0, "story_date", "2025-02-11"),
        (0, "source_state", "KOR"),
        (0, "goldstein", "1.9"),
        (0, "quad_class", "1"),
        (0, "date", "2025-02-09"),
        (0, "date_text", "on Sunday"),
        (0, "text", "Seoul's foreign minister visited Damascus on Sunday."),
        (0, "source_start", "0"),
        (0, "source_end", "5"),
        (0, "target_start", "33"),
        (0, "verb_end", "32"),
        (0, "location_name", "Damascus"),
        (0, "location_country", "SYR"),
        (0, "location_feature", "city"),
        (0, "location_adm1", "13"),
        (0, "location_lat", "33.5102"),
        (0, "location_geonames_id", "170654"),
        (0, "location_source", "text"),
        (1, "location_name", ""),
        (1, "location_lat", ""),
        (2, "location_feature", "country"),
        (2, "location_lat", ""),
        (2, "location_source", "dateline"),
        (1, "source_state", ""),
        (1, "root", ""),
        (1, "plover", ""),
        (1, "goldstein", ""),
        (1, "quad_class", ""),
        (1, "modality", ""),
        (1, "source_start", ""),
        (1, "verb_end", ""),
        (2, "id", "9000000123"),
        (2, "story_id", "https://example.invalid/a\tb"),
        (2, "goldstein", "-5"),
        (2, "date_end", "2024-12-31"),
        (2, "modality", "intended"),
        (2, "text", "Officials said, \"the \"army\"\twill\ndeport\r\nrebels\"."),
    ];
    for &(row, name, want) in table {
        assert_eq!(rows[row + 1][col(name)], want, "event {row}, {name}");
    }
}

#[test]
fn csv_quotes_only_when_needed() {
    let out = text(Format::Csv, &events());
    let line1 = out.split("\r\n").nth(1).unwrap();
    // Nothing in the first event needs quoting.
    assert!(!line1.contains('"'), "{line1}");
    assert!(out.contains(r#","Officials said, ""the ""army"""#));
    // A tab alone does not need quotes.
    assert!(out.contains(",https://example.invalid/a\tb,"));
}

#[test]
fn csv_empty_export_is_a_header() {
    let out = text(Format::Csv, &[]);
    assert_eq!(out, CSV_COLUMNS.join(",") + "\r\n");
}

// ---------------------------------------------------------------- PLOVER

#[test]
fn plover_fields() {
    let out = text(Format::Plover, &events());
    let docs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 3);
    #[rustfmt::skip]
    let table: Vec<(usize, &str, Value)> = vec![
        (0, "/id", json!(101)),
        (0, "/date", json!("2025-02-09")),
        (0, "/enddate", json!("2025-02-09")),
        (0, "/event", json!(["CONSULT"])),
        (0, "/mode", json!(["visit"])),
        (0, "/context", json!([])),
        (0, "/quad_code", json!(1)),
        (0, "/goldstein", json!(1.9)),
        (0, "/cameo", json!("042")),
        (0, "/cameo_name", json!("Make a visit")),
        (0, "/actor/0/code", json!("KOR")),
        (0, "/actor/0/country", json!("KOR")),
        (0, "/actor/0/sector", json!("GOV")),
        (0, "/actor/0/cameo_code", json!("KORGOV")),
        (0, "/actor/0/entity_text", json!("Seoul")),
        (0, "/recipient/0/code", json!("SYR")),
        (0, "/recipient/0/sector", Value::Null),
        (0, "/recipient/0/entity_text", json!("Damascus")),
        (0, "/event_text", json!(["visited"])),
        (0, "/story_id", json!("AFP-20250211-0042")),
        (0, "/story_date", json!("2025-02-11")),
        (0, "/text_info/sequence", json!(0)),
        (0, "/spans/source", json!([0, 5])),
        (0, "/spans/verb", json!([25, 32])),
        (0, "/modality", Value::Null),
        (1, "/event", json!([])),
        (1, "/mode", json!([])),
        (1, "/quad_code", Value::Null),
        (1, "/goldstein", Value::Null),
        (1, "/actor/0/code", json!("IGO")),
        (1, "/actor/0/country", Value::Null),
        (1, "/actor/0/sector", json!("IGO")),
        (1, "/actor/0/entity_text", Value::Null),
        (1, "/spans/source", Value::Null),
        (1, "/date_text", Value::Null),
        (2, "/id", json!(9_000_000_123_i64)),
        (2, "/date", json!("2024-12-01")),
        (2, "/enddate", json!("2024-12-31")),
        (2, "/date_precision", json!("month")),
        (2, "/event", json!(["COERCE"])),
        (2, "/mode", json!(["deport"])),
        (2, "/context", json!(["legal"])),
        (2, "/event_text", json!(["deport"])),
        (2, "/actor/0/entity_text", json!("army")),
        (2, "/cameo", json!("174K")),
        (2, "/modality", json!("intended")),
        (2, "/recipient/0/sector", json!("REB")),
        (2, "/text", json!("Officials said, \"the \"army\"\twill\ndeport\r\nrebels\".")),
    ];
    for (row, pointer, want) in table {
        let got = docs[row].pointer(pointer);
        assert_eq!(got, Some(&want), "event {row}, {pointer}");
    }
}

// ---------------------------------------------------------------- robustness

/// Odd input: empty strings, spans past the end, non-ASCII codes,
/// non-finite scores, far dates. Nothing may panic, and the line formats
/// keep their shape.
#[test]
fn odd_input_never_panics() {
    let mut e = events()[1].clone();
    e.source = "".into();
    e.target = "é".into();
    e.source_state = Some("é".into());
    e.cameo = "ö".into();
    e.goldstein = Some(f64::NAN);
    e.text = "\u{2028}x\u{85}".into();
    e.spans = Spans {
        source: Some([2, usize::MAX]),
        target: Some([usize::MAX, 0]),
        verb: Some([0, 3]),
    };
    // The ends of the calendar: dates outside 0001–9999 cannot be made.
    e.date = Date::MIN;
    e.date_end = Date::MAX;
    let mut f = e.clone();
    f.goldstein = Some(f64::INFINITY);
    f.sentence = -1;
    let evs = [e, f];
    for format in Format::ALL {
        write(format, &evs);
    }
    let gdelt = text(Format::Gdelt, &evs);
    assert_eq!(gdelt.lines().count(), 2);
    for line in gdelt.lines() {
        assert_eq!(line.split('\t').count(), 61);
    }
    let plover = text(Format::Plover, &evs);
    assert_eq!(plover.lines().count(), 2);
}

/// A writer that always fails.
struct Broken;

impl std::io::Write for Broken {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("disk full"))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Err(std::io::Error::other("disk full"))
    }
}

#[test]
fn write_errors_are_reported() {
    for format in Format::ALL {
        let mut s = sink(format, Broken);
        let mut failed = false;
        for e in events() {
            failed |= s.write(&e).is_err();
        }
        let r = s.finish();
        assert!(failed || r.is_err(), "{format}: error not reported");
        if let Err(e) = r {
            let msg = e.to_string();
            assert!(
                msg.contains("disk full") || msg.contains("earlier write failed"),
                "{format}: {msg}"
            );
        }
    }
}

#[test]
fn format_names() {
    for f in Format::ALL {
        assert_eq!(f.as_str().parse::<Format>().unwrap(), f);
        assert_eq!(f.to_string(), f.as_str());
    }
    assert_eq!(" CSV ".parse::<Format>().unwrap(), Format::Csv);
    assert!(matches!(
        "json".parse::<Format>(),
        Err(ExportError::UnknownFormat(s)) if s == "json"
    ));
}

// ---------------------------------------------------------------- Parquet

#[test]
fn parquet_file_is_framed() {
    for evs in [events(), Vec::new()] {
        let out = write(Format::Parquet, &evs);
        assert!(out.len() > 8);
        assert_eq!(&out[..4], b"PAR1");
        assert_eq!(&out[out.len() - 4..], b"PAR1");
    }
}

/// The Python with pyarrow to read Parquet back with, from
/// `STATECRAFT_TEST_PYTHON`; `None` (after a note) to skip, and a failure
/// when `STATECRAFT_REQUIRE_SERVICES` is set.
fn python() -> Option<String> {
    match std::env::var("STATECRAFT_TEST_PYTHON") {
        Ok(p) if !p.is_empty() => Some(p),
        _ => {
            assert!(
                std::env::var_os("STATECRAFT_REQUIRE_SERVICES").is_none(),
                "STATECRAFT_REQUIRE_SERVICES is set but STATECRAFT_TEST_PYTHON is not \
                 (make one with scripts/python-env DIR)"
            );
            println!(
                "skipped: set STATECRAFT_TEST_PYTHON to a python with pyarrow \
                 (scripts/python-env DIR prints one) to read Parquet back"
            );
            None
        }
    }
}

const READ_BACK: &str = r#"
import json, sys
import pyarrow.parquet as pq
f = pq.ParquetFile(sys.argv[1])
t = f.read()
def col(n, k=3):
    return [None if v is None else str(v) for v in t.column(n).to_pylist()[:k]]
print(json.dumps({
    "rows": t.num_rows,
    "groups": f.num_row_groups,
    "names": t.schema.names,
    "types": {fl.name: str(fl.type) for fl in t.schema},
    "nullable": {fl.name: fl.nullable for fl in t.schema},
    "cameo": col("cameo"),
    "goldstein": t.column("goldstein").to_pylist()[:3] if t.num_rows else [],
    "date": col("date"),
    "date_type": type(t.column("date").to_pylist()[0]).__name__ if t.num_rows else None,
    "source_state": col("source_state"),
    "text": col("text"),
    "verb_start": t.column("verb_start").to_pylist()[:3] if t.num_rows else [],
    "ids": t.column("id").to_pylist()[-2:] if t.num_rows else [],
    "location_name": col("location_name"),
    "location_lat": t.column("location_lat").to_pylist()[:3] if t.num_rows else [],
    "location_geonames_id": t.column("location_geonames_id").to_pylist()[:3] if t.num_rows else [],
}))
"#;

fn read_back(python: &str, name: &str, events: &[EventRecord]) -> Value {
    let dir: PathBuf = std::env::temp_dir().join(format!(
        "statecraft-export-test-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("events.parquet");
    let file = std::fs::File::create(&path).unwrap();
    export(Format::Parquet, file, events).unwrap();
    let out = Command::new(python)
        .arg("-c")
        .arg(READ_BACK)
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {python}: {e}"));
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        out.status.success(),
        "pyarrow failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn parquet_reads_back_with_pyarrow() {
    let Some(py) = python() else { return };
    let v = read_back(&py, "three", &events());
    assert_eq!(v["rows"], 3);
    assert_eq!(v["groups"], 1);
    let names: Vec<&str> = v["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert_eq!(names, CSV_COLUMNS);
    #[rustfmt::skip]
    let types: &[(&str, &str, bool)] = &[
        ("id", "int64", false),
        ("story_id", "string", false),
        ("story_date", "date32[day]", false),
        ("sentence", "int64", false),
        ("source_state", "string", true),
        ("goldstein", "double", true),
        ("quad_class", "int64", true),
        ("date", "date32[day]", false),
        ("date_end", "date32[day]", false),
        ("text", "string", false),
        ("verb_end", "int64", true),
        ("location_name", "string", true),
        ("location_lat", "double", true),
        ("location_geonames_id", "int64", true),
    ];
    for &(name, ty, nullable) in types {
        assert_eq!(v["types"][name], ty, "{name}");
        assert_eq!(v["nullable"][name], nullable, "{name}");
    }
    assert_eq!(v["cameo"], json!(["042", "0110", "174K"]));
    assert_eq!(v["goldstein"], json!([1.9, null, -5.0]));
    assert_eq!(v["date"], json!(["2025-02-09", "2025-02-11", "2024-12-01"]));
    assert_eq!(v["date_type"], "date");
    assert_eq!(v["source_state"], json!(["KOR", null, "USA"]));
    assert_eq!(v["verb_start"], json!([25, null, 33]));
    assert_eq!(v["location_name"], json!(["Damascus", null, "Syria"]));
    assert_eq!(v["location_lat"], json!([33.5102, null, null]));
    assert_eq!(v["location_geonames_id"], json!([170654, null, 163843]));
    assert_eq!(
        v["text"][2],
        "Officials said, \"the \"army\"\twill\ndeport\r\nrebels\"."
    );
}

#[test]
fn parquet_empty_export_reads_back() {
    let Some(py) = python() else { return };
    let v = read_back(&py, "empty", &[]);
    assert_eq!(v["rows"], 0);
    assert_eq!(v["groups"], 0);
    assert_eq!(v["names"].as_array().unwrap().len(), CSV_COLUMNS.len());
    assert_eq!(v["types"]["date"], "date32[day]");
}

#[test]
fn parquet_row_groups_stream() {
    let Some(py) = python() else { return };
    let base = events();
    let n = ROW_GROUP_ROWS + 5;
    let evs: Vec<EventRecord> = (0..n)
        .map(|i| {
            let mut e = base[i % 3].clone();
            e.id = i as i64;
            e
        })
        .collect();
    let v = read_back(&py, "groups", &evs);
    assert_eq!(v["rows"], n);
    assert_eq!(v["groups"], 2);
    assert_eq!(v["ids"], json!([n - 2, n - 1]));
}
