//! The world model's event rules on arbitrary sentences, codes, patterns
//! and spans (reversed, past the end, inside multi-byte characters):
//! nothing panics, and an event that did not happen changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft_types::{Date, EventRecord, Modality, Spans};

fuzz_target!(|data: &[u8]| {
    if data.len() < 8 {
        return;
    }
    let Ok(text) = std::str::from_utf8(&data[8..]) else {
        return;
    };
    let b = |i: usize| usize::from(data[i]);
    let (cameo, rest) = text.split_at(text.char_indices().nth(3).map_or(text.len(), |(i, _)| i));
    let d = Date::from_ymd(2025, 2, 11).unwrap();
    let modal = data[7] & 1 == 1;
    let mut e = EventRecord::bare("fuzz", d, rest, cameo);
    e.modality = modal.then_some(Modality::Negated);
    e.spans = Spans {
        source: Some([b(0), b(1)]),
        target: Some([b(2), b(3)]),
        verb: Some([b(4), b(5)]),
    };
    e.pattern = (data[6] & 1 == 1).then(|| rest.chars().take(12).collect());
    let got = statecraft_world::rules::effect(&e);
    assert!(!modal || got.is_none());
});
