//! Parses arbitrary UTF-8 as a date with its precision (`When::parse`).
//!
//! It must never panic; what it accepts is exactly what it prints back
//! (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, trimmed), and printing and parsing
//! again gives the same `When`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft_world::When;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(w) = When::parse(text) {
        let shown = w.to_string();
        assert_eq!(shown, text.trim(), "{w:?}");
        assert_eq!(When::parse(&shown), Some(w), "{shown}");
        assert!(w.last_day() >= w.date, "{w:?}");
    }
});
