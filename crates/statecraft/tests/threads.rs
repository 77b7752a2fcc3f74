//! `statecraft code --threads N` writes exactly what one thread writes, in
//! input order: events on standard output and diagnostics on standard
//! error, across chunk boundaries, broken lines and option switches; and
//! `statecraft ingest --threads N` stores what one thread stores.

use std::process::{Command, Output};

const STATES: &[&str] = &[
    "South Korea",
    "Syria",
    "Japan",
    "France",
    "Germany",
    "Brazil",
    "India",
    "Kenya",
    "Egypt",
    "Turkey",
    "Iran",
    "Canada",
];

const TEMPLATES: &[&str] = &[
    "{a} condemned {b} over the border dispute.",
    "{a} met officials from {b} on Tuesday.",
    "Gunmen killed three police officers in {a}.",
    "{a} accused {b} of lying, officials said.",
    "TEHRAN (Reuters) - {a} signed a trade agreement with {b}.",
];

/// 700 stories (more than two of the parallel coder's chunks), with a
/// broken line in the middle.
fn input() -> String {
    let mut out = String::new();
    for i in 0..700 {
        if i == 300 {
            out.push_str("{\"id\": \"broken\", \"date\": \n");
        }
        let a = STATES[i % STATES.len()];
        let b = STATES[(i * 7 + 3) % STATES.len()];
        let text = TEMPLATES[i % TEMPLATES.len()]
            .replace("{a}", a)
            .replace("{b}", b);
        out.push_str(&format!(
            "{{\"id\":\"s{i}\",\"date\":\"2025-02-11\",\"text\":\"{text}\"}}\n"
        ));
    }
    out
}

fn code(file: &std::path::Path, threads: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_statecraft"))
        .args(["code", "--threads", threads])
        .arg(file)
        .output()
        .expect("run statecraft")
}

#[test]
fn threads_write_what_one_thread_writes() {
    let dir = std::env::temp_dir().join(format!("statecraft-threads-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("stories.jsonl");
    std::fs::write(&file, input()).unwrap();
    let one = code(&file, "1");
    let events = String::from_utf8_lossy(&one.stdout).lines().count();
    assert!(events > 700, "the stories code: {events} events");
    assert!(
        String::from_utf8_lossy(&one.stderr).contains("stories.jsonl:301: error"),
        "the broken line is reported: {}",
        String::from_utf8_lossy(&one.stderr)
    );
    for threads in ["2", "3", "8"] {
        let many = code(&file, threads);
        assert_eq!(one.status.code(), many.status.code(), "--threads {threads}");
        assert!(
            one.stdout == many.stdout,
            "--threads {threads}: other events or order"
        );
        assert!(
            one.stderr == many.stderr,
            "--threads {threads}: other diagnostics"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_statecraft"))
        .args(args)
        .output()
        .expect("run statecraft")
}

#[test]
fn ingest_threads_store_what_one_thread_stores() {
    let dir =
        std::env::temp_dir().join(format!("statecraft-ingest-threads-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("stories.jsonl");
    // The stories, then a story repeated with a new text across a chunk
    // boundary, and an empty one.
    let mut text = input();
    text.push_str("{\"id\":\"s5\",\"date\":\"2025-02-11\",\"text\":\"Japan praised Kenya.\"}\n");
    text.push_str("{\"id\":\"empty\",\"date\":\"2025-02-11\",\"text\":\" \"}\n");
    std::fs::write(&file, text).unwrap();
    let f = file.to_str().unwrap();
    let mut exports = Vec::new();
    for threads in ["1", "3"] {
        let data = dir.join(format!("data-{threads}"));
        let d = data.to_str().unwrap();
        let out = run(&["ingest", "--threads", threads, "--data-dir", d, f]);
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(
            err.contains("stored 700 new and 1 re-coded stories"),
            "--threads {threads}: {err}"
        );
        assert!(err.contains("[story empty]"), "--threads {threads}: {err}");
        let csv = run(&["export", "--format", "csv", "--data-dir", d]);
        assert!(csv.status.success());
        exports.push(csv.stdout);
    }
    let events = String::from_utf8_lossy(&exports[0]).lines().count();
    assert!(events > 700, "{events} events stored");
    assert!(exports[0] == exports[1], "--threads 3 stored other events");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn zero_threads_is_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_statecraft"))
        .args(["code", "--threads", "0"])
        .output()
        .expect("run statecraft");
    assert_eq!(out.status.code(), Some(2), "a usage error");
}
