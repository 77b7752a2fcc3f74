//! `statecraft code --threads N` writes exactly what one thread writes, in
//! input order: events on standard output and diagnostics on standard
//! error, across chunk boundaries, broken lines and option switches.

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

#[test]
fn zero_threads_is_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_statecraft"))
        .args(["code", "--threads", "0"])
        .output()
        .expect("run statecraft");
    assert_eq!(out.status.code(), Some(2), "a usage error");
}
