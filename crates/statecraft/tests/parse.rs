//! `statecraft parse`: stories in, CoNLL-U out, for every input format;
//! long sentences cut and reported; a model file of another format version
//! refused with both versions named.

mod common;

use std::process::Output;

fn parse(args: &[&str], stdin: &[u8]) -> Output {
    common::statecraft("parse", args, stdin)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn the_seed_story_parses_into_conllu() {
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/south-korea-syria-2025-02-11.txt"
    );
    let o = parse(&[seed], b"");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    let sentences = statecraft_syntax::conllu::read(&out).expect("valid CoNLL-U");
    assert!(sentences.len() > 10, "{} sentences", sentences.len());
    assert!(sentences[0].newdoc);
    assert!(sentences.iter().skip(1).all(|s| !s.newdoc));
    for s in &sentences {
        assert_eq!(
            s.words.iter().filter(|w| w.head == 0).count(),
            1,
            "{}",
            s.text
        );
        assert!(s.words.iter().all(|w| w.head <= s.words.len()));
        assert!(
            s.id.starts_with("south-korea-syria-2025-02-11-"),
            "{}",
            s.id
        );
    }
    // The headline's own sentence, and a subject in the body.
    assert!(out.contains("\tSeoul\t"), "{out}");
    assert!(
        sentences
            .iter()
            .flat_map(|s| &s.words)
            .any(|w| w.form == "Korea" && w.deprel == "nsubj"),
        "{out}"
    );
}

#[test]
fn every_input_format_parses() {
    let jsonl =
        b"{\"id\":\"a\",\"date\":\"2025-02-11\",\"text\":\"Seoul weighs ties with Damascus.\"}\n";
    let tabari = b"250211 S-1\nSeoul weighs ties with Damascus.\n\n";
    for (format, input) in [("jsonl", &jsonl[..]), ("tabari", &tabari[..])] {
        let o = parse(&["--input-format", format], input);
        assert!(o.status.success(), "{format}");
        let s = statecraft_syntax::conllu::read(&stdout(&o)).unwrap();
        assert_eq!(s.len(), 1, "{format}");
        let forms: Vec<&str> = s[0].words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["Seoul", "weighs", "ties", "with", "Damascus", "."]);
        assert_eq!(s[0].text, "Seoul weighs ties with Damascus.");
    }
}

#[test]
fn a_long_sentence_is_cut_and_reported() {
    let long = vec!["the talks continued"; 120].join(" ");
    let line = format!("{{\"id\":\"long\",\"date\":\"2025-02-11\",\"text\":\"{long}.\"}}\n");
    let o = parse(&["--input-format", "jsonl"], line.as_bytes());
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("361 words") && err.contains("cut after words 250"),
        "{err}"
    );
    let s = statecraft_syntax::conllu::read(&stdout(&o)).unwrap();
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].words.len(), 361);
    assert_eq!(s[0].comments, ["cut_after = 250"]);
    // Still one tree.
    assert_eq!(s[0].words.iter().filter(|w| w.head == 0).count(), 1);
}

#[test]
fn a_model_of_another_version_is_refused() {
    let dir = std::env::temp_dir().join(format!("statecraft-parse-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("old.model");
    let mut bytes = b"statecraft-syntax-model\n".to_vec();
    bytes.extend_from_slice(&(statecraft_syntax::FORMAT_VERSION + 1).to_le_bytes());
    bytes.extend_from_slice(&[0; 64]);
    std::fs::write(&path, &bytes).unwrap();
    let hello = b"{\"id\":\"h\",\"date\":\"2025-02-11\",\"text\":\"Hello.\"}\n";
    let o = parse(&["--model", path.to_str().unwrap()], hello);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    let found = format!("version {}", statecraft_syntax::FORMAT_VERSION + 1);
    let reads = format!("reads version {}", statecraft_syntax::FORMAT_VERSION);
    assert!(err.contains(&found) && err.contains(&reads), "{err}");
    // The built-in model parses the same input.
    let o = parse(&[], hello);
    assert!(o.status.success());
    assert!(stdout(&o).contains("\tHello\t"));
    std::fs::remove_dir_all(&dir).ok();
}
