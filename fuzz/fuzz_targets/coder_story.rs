//! The whole statecraft reading (sentences, actors, inference, patterns,
//! dates, modality, dedup) on arbitrary UTF-8 with the bundled
//! dictionaries; checks that spans point into the event's sentence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft_coder::{Coder, Options};
use statecraft_text::{Date, Layout, Story};
use std::sync::OnceLock;

/// One coder for every input: it is `Sync` and does not change.
fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(|| {
        let (dict, _) = statecraft_dict::bundled();
        Coder::new(dict, Options::statecraft())
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let story = Story::new("fuzz", Date::from_ymd(2025, 2, 11).unwrap(), text, Layout::Prose);
    let coded = coder().code(&story);
    for e in &coded.events {
        let n = e.text.chars().count();
        for s in [e.spans.source, e.spans.target, e.spans.verb].into_iter().flatten() {
            assert!(s[0] <= s[1] && s[1] <= n, "span {s:?} outside {n} chars");
        }
        assert!(e.date <= e.date_end);
    }
    for r in &coded.roles {
        let n = r.text.chars().count();
        assert!(r.spans.actor[1] <= n && r.spans.role[1] <= n && r.spans.trigger[1] <= n);
    }
});
