//! Splits arbitrary UTF-8 into sentences, tokenises each one and parses
//! dates from it; checks the span invariants the coder relies on.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft_text::{fold, split_sentences, tokenize, Date};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut last_end = 0;
    for span in split_sentences(text) {
        assert!(span.start >= last_end && span.start < span.end && span.end <= text.len());
        last_end = span.end;
        let sentence = &text[span.start..span.end];
        let n = sentence.chars().count();
        for t in tokenize(sentence) {
            assert!(t.start <= t.end && t.end <= n, "token span out of range");
        }
    }
    let _ = fold(text);
    let _ = Date::parse(text);
    let _ = Date::parse_compact(text);
    for line in text.lines().take(64) {
        if let Some(d) = Date::parse(line) {
            assert_eq!(Date::parse(&d.to_string()), Some(d));
        }
        let _ = Date::parse_compact(line);
    }
});
