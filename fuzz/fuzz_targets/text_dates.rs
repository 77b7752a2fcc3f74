//! Date expressions in arbitrary UTF-8, resolved against a story date
//! taken from the first bytes; checks the invariants the coder relies on.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft_text::{find_dates, Date};

fuzz_target!(|data: &[u8]| {
    let (head, rest) = data.split_at(data.len().min(2));
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    // Story dates from 1950 to about 2130.
    let offset = head.iter().fold(0i32, |a, &b| a * 256 + i32::from(b));
    let story = Date::from_ymd(1950, 1, 1).unwrap().add_days(offset);
    let chars: Vec<char> = text.chars().collect();
    let mut last = 0;
    for w in find_dates(text, story) {
        assert!(w.start <= w.end, "range reversed: {w:?}");
        assert!(w.span[0] < w.span[1] && w.span[1] <= chars.len());
        assert!(w.span[0] >= last, "expressions out of order");
        last = w.span[0];
        let at: String = chars[w.span[0]..w.span[1]].iter().collect();
        assert_eq!(at, w.text);
    }
});
