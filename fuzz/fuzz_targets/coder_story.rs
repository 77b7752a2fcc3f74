//! The whole statecraft reading (sentences, actors, inference, patterns,
//! dates, modality, dedup) on arbitrary UTF-8 with the bundled
//! dictionaries; checks that spans point into the event's sentence.
//! Then the same story through `Session::explain`: its events are exactly
//! those `code` gives, the explanation renders (a header for every
//! sentence) and serialises to JSON, every parse head is inside its
//! sentence, and every kept candidate has a source, a target and a code.
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

    let (why, explained): (statecraft_coder::explain::Explanation, _) =
        coder().session().explain(&story);
    assert!(
        explained.events == coded.events,
        "explain gave {} events, code gave {}",
        explained.events.len(),
        coded.events.len()
    );
    let rendered = why.render();
    for s in &why.sentences {
        let header = format!("# sentence {} (", s.index);
        assert!(rendered.contains(&header), "no {header:?} in the rendering");
    }
    if let Err(e) = serde_json::to_string(&why) {
        panic!("explanation does not serialise: {e}");
    }
    for s in &why.sentences {
        let n = s.words.len();
        for w in &s.words {
            assert!(w.head <= n, "sentence {}: word {} has head {} of {n}", s.index, w.id, w.head);
        }
        for c in s.candidates.iter().filter(|c| c.kept) {
            assert!(
                !c.source.is_empty() && !c.target.is_empty() && !c.code.is_empty(),
                "sentence {}: kept candidate {c:?}",
                s.index
            );
        }
    }
});
