//! Parses arbitrary UTF-8 as a table of states (`States::parse`).
//!
//! It must never panic: it returns the table or an error naming
//! `file:line`. A table it returns answers look-ups by every state's own
//! codes and names.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft_world::States;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let label = "fuzz.tsv";
    match States::parse(text, label) {
        Ok(states) => {
            for s in states.all() {
                assert!(states.by_cameo(&s.cameo).is_some(), "{s:?}");
                for key in [&s.cameo, &s.iso3, &s.name].into_iter().chain(&s.aliases) {
                    let _ = states.get(key);
                }
                if let Some(c) = s.cow {
                    assert!(states.by_cow(c).is_some(), "{s:?}");
                }
                let _ = states.from_actor(&s.cameo.as_str().into());
            }
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with("fuzz.tsv:"), "{msg}");
        }
    }
});
