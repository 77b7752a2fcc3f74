//! Shared by the `world_*` reader targets: checks what a reference-data
//! reader returned.

use statecraft_world::{Imported, Provenance, States, WorldError};

/// On success every tie is between two different states the bundled table
/// knows by CAMEO code, stored with `a < b`, ends no earlier than it
/// begins and names the file in its record; every embassy fact is between
/// two known, different states. On failure the message starts with the
/// label (`file:line` or `file: binding N`), and an `At` error names a
/// line the input has.
pub fn imported(got: &Result<Imported, WorldError>, label: &str, data: &[u8]) {
    let states = States::bundled();
    match got {
        Ok(imp) => {
            for t in &imp.ties {
                assert!(t.a < t.b, "pair not ordered: {t:?}");
                assert!(states.by_cameo(&t.a).is_some(), "unknown a: {t:?}");
                assert!(states.by_cameo(&t.b).is_some(), "unknown b: {t:?}");
                if let Some(to) = t.to {
                    assert!(to.last_day() >= t.from.date, "inverted dates: {t:?}");
                }
                assert!(t.from.last_day() >= t.from.date);
                match &t.provenance {
                    Provenance::Reference { source, record } => {
                        assert!(!source.trim().is_empty(), "no source: {t:?}");
                        assert!(!record.is_empty(), "no record: {t:?}");
                    }
                    Provenance::Event { .. } => panic!("a reader made an event fact: {t:?}"),
                }
            }
            for e in &imp.embassies {
                assert_ne!(e.sender, e.host, "embassy in itself: {e:?}");
                assert!(
                    states.by_cameo(&e.sender).is_some(),
                    "unknown sender: {e:?}"
                );
                assert!(states.by_cameo(&e.host).is_some(), "unknown host: {e:?}");
            }
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(
                msg.starts_with(&format!("{label}:")),
                "error does not name the file: {msg}"
            );
            if let WorldError::At { line, .. } = e {
                let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
                assert!(
                    *line >= 1 && *line <= lines,
                    "line {line} of {lines}: {msg}"
                );
            }
        }
    }
}
