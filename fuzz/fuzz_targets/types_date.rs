//! `Date::parse`, `Date::parse_iso` and `Date::parse_leading` on UTF-8:
//! nothing panics, every date is in 0001–9999, and what `parse_iso`
//! accepts prints back as its input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft_types::Date;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for d in [Date::parse(text), Date::parse_compact(text)].into_iter().flatten() {
        assert!((1..=9999).contains(&d.year()), "{d}");
    }
    if let Some((d, rest)) = Date::parse_leading(text) {
        assert!((1..=9999).contains(&d.year()), "{d}");
        assert!(text.ends_with(rest));
    }
    if let Some(d) = Date::parse_iso(text) {
        assert_eq!(d.to_string(), text);
    }
});
