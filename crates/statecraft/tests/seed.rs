//! The canonical example: events 1–9 of `shared/seed/EXPECTED.md` come out
//! of `examples/south-korea-syria-2025-02-11.txt` with the bundled
//! dictionaries, at country level with the right CAMEO root, and no event
//! pairs a country with itself.

use serde_json::Value;
use std::process::Command;

fn events() -> Vec<Value> {
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/south-korea-syria-2025-02-11.txt"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_statecraft"))
        .args(["code", seed])
        .output()
        .expect("run statecraft");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON event a line"))
        .collect()
}

fn country(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

#[test]
fn seed_events_one_to_nine() {
    let events = events();
    // (words of the sentence, source country, target country, accepted CAMEO roots)
    let expected: &[(&str, &str, &str, &[&str])] = &[
        ("actively reviewing", "KOR", "SYR", &["03"]),
        ("visited Damascus", "KOR", "SYR", &["04"]),
        ("Kim met with", "KOR", "SYR", &["04"]),
        ("Al-Shaibani expressed", "SYR", "KOR", &["03"]),
        ("Seoul also expressed willingness", "KOR", "SYR", &["03"]),
        ("welcomed South Korea", "SYR", "KOR", &["05"]),
        ("plans to minimize relations", "SYR", "PRK", &["13", "16"]),
        ("plans to minimize relations", "SYR", "RUS", &["13", "16"]),
        ("secret negotiations with Cuba", "KOR", "CUB", &["05", "04"]),
        (
            "opened its first embassy in Havana",
            "KOR",
            "CUB",
            &["05", "06"],
        ),
    ];
    let mut missing = Vec::new();
    for (words, src, tgt, roots) in expected {
        let found = events.iter().any(|e| {
            e["text"].as_str().unwrap().contains(words)
                && country(e["source"].as_str().unwrap()) == *src
                && country(e["target"].as_str().unwrap()) == *tgt
                && roots.contains(&e["root"].as_str().unwrap_or(""))
        });
        if !found {
            missing.push(format!("{src}->{tgt} {roots:?} in \"{words}\""));
        }
    }
    assert!(
        missing.is_empty(),
        "missing seed events: {missing:#?}\ncoded: {events:#?}"
    );
}

#[test]
fn seed_has_no_nonsensical_dyads() {
    for e in events() {
        let (s, t) = (e["source"].as_str().unwrap(), e["target"].as_str().unwrap());
        let same_country = country(s) == country(t);
        assert!(
            !(same_country && (s == t || s.len() == 3 || t.len() == 3)),
            "nonsensical dyad {s}->{t}: {e}"
        );
        assert!(
            !s.starts_with("---") && !t.starts_with("---"),
            "unknown actor in {e}"
        );
    }
}

#[test]
fn seed_spans_point_at_the_actors_and_verb() {
    for e in events() {
        let text = e["text"].as_str().unwrap();
        let chars: Vec<char> = text.chars().collect();
        for key in ["source", "target", "verb"] {
            let span = &e["spans"][key];
            let [a, b] = [
                span[0].as_u64().unwrap() as usize,
                span[1].as_u64().unwrap() as usize,
            ];
            assert!(
                a < b && b <= chars.len(),
                "{key} span {a}..{b} outside \"{text}\""
            );
            let piece: String = chars[a..b].iter().collect();
            assert!(
                !piece.trim().is_empty() && !piece.starts_with(' '),
                "{key} span {piece:?} in {text}"
            );
        }
    }
}

#[test]
fn seed_codes_nothing_from_its_hypothetical_sentences() {
    for e in events() {
        let text = e["text"].as_str().unwrap();
        assert!(
            !text.contains("if realized") && !text.contains("could deal a significant blow"),
            "event from a hypothetical sentence: {e}"
        );
    }
}
