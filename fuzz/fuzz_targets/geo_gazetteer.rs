//! Parses arbitrary UTF-8 as a gazetteer: the text before the first NUL is
//! a places file, the rest a regions file (`Gazetteer::parse`).
//!
//! It must never panic. Every error names `places.tsv:` or `regions.tsv:`
//! and a line of its file; every place it keeps is found by its own name,
//! and a country's capital is one of its cities.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft_geo::Gazetteer;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (places, regions) = text.split_once('\0').unwrap_or((text, ""));
    let (g, errors) = Gazetteer::parse(places, regions);
    for e in &errors {
        let lines = match e.file.as_str() {
            "places.tsv" => places.lines().count(),
            "regions.tsv" => regions.lines().count(),
            other => panic!("error in unknown file {other:?}: {e}"),
        };
        assert!(e.line >= 1 && e.line <= lines, "{e}");
    }
    for line in places.lines().filter(|l| l.starts_with("country\t")) {
        let Some(iso3) = line.split('\t').nth(3) else {
            continue;
        };
        if let Some(capital) = g.capital(iso3) {
            assert_eq!(capital.country, iso3, "{capital:?}");
        }
    }
    let _ = g.lookup("Baghdad").count();
});
