//! The peers' validation suites, scored with `../shared/tools/score-suite`
//! exactly as the acceptance commands do, with a floor on the pass count.
//!
//! The suites live in `../shared`, outside the repository. Where they are
//! missing these tests say so and pass, unless `STATECRAFT_REQUIRE_SUITES=1`
//! (set by `.ci/run`), which turns a missing suite into a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> Option<PathBuf> {
    let dir = match std::env::var_os("STATECRAFT_SHARED") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    };
    if dir.join("tools/score-suite").exists() {
        return Some(dir);
    }
    if std::env::var_os("STATECRAFT_REQUIRE_SUITES").is_some_and(|v| v == "1") {
        panic!(
            "the validation suites are required but {} has no tools/score-suite",
            dir.display()
        );
    }
    eprintln!(
        "skipped: validation suites not found at {} (set STATECRAFT_SHARED)",
        dir.display()
    );
    None
}

/// Codes `input` with `statecraft code` (JSONL events) into a file in the
/// temporary directory named after `kind`, and returns its path.
fn code_to_file(kind: &str, input: &Path) -> PathBuf {
    let out = Command::new(env!("CARGO_BIN_EXE_statecraft"))
        .args(["code", "--format", "jsonl"])
        .arg(input)
        .output()
        .expect("run statecraft");
    assert!(
        out.status.success(),
        "statecraft code failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events = std::env::temp_dir().join(format!(
        "statecraft-suite-{kind}-{}.jsonl",
        std::process::id()
    ));
    std::fs::write(&events, &out.stdout).unwrap();
    events
}

/// Codes `input` and scores it; returns (passed, failed, scorer output).
fn score(kind: &str, input: &Path, suite: &Path) -> (usize, usize, String) {
    let events = code_to_file(kind, input);
    let scored = Command::new("python3")
        .arg(
            suite
                .parent()
                .unwrap()
                .parent()
                .unwrap()
                .parent()
                .unwrap()
                .join("tools/score-suite"),
        )
        .args([
            kind,
            events.to_str().unwrap(),
            suite.to_str().unwrap(),
            "-v",
        ])
        .output()
        .expect("run python3 score-suite");
    let _ = std::fs::remove_file(&events);
    let text = String::from_utf8_lossy(&scored.stdout).to_string();
    let last = text.lines().last().unwrap_or_default().to_string();
    let nums: Vec<usize> = last
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|s| s.parse().ok())
        .collect();
    assert_eq!(nums.len(), 2, "unexpected scorer output: {text}");
    (nums[0], nums[1], text)
}

#[test]
fn tabari_validation_suite() {
    let Some(shared) = shared() else { return };
    let dir = shared.join("eventdata/tabari");
    let (passed, failed, text) = score(
        "tabari",
        &dir.join("Validate.project"),
        &dir.join("Validate.text"),
    );
    println!("{text}");
    // Acceptance: at least 375 of 395 (TABARI itself passes 345).
    assert!(
        passed >= 375,
        "TABARI suite: {passed} passed, {failed} failed; floor is 375"
    );
}

#[test]
fn petrarch_validation_suite() {
    let Some(shared) = shared() else { return };
    let xml = shared.join("eventdata/petrarch/PETR.UnitTest.records.xml");
    let (passed, failed, text) = score("petrarch", &xml, &xml);
    println!("{text}");
    // Acceptance: at least 253 of 281 (90%).
    const FLOOR: usize = 253;
    assert!(
        passed >= FLOOR,
        "PETRARCH suite: {passed} passed, {failed} failed; floor is {FLOOR}"
    );
}

/// Real wire news: the statecraft reading on the 300 dev leads of
/// `../shared/gold`, scored by `../shared/tools/score-events` as the
/// acceptance command does. The floor is the main F1 last measured, less
/// a margin for changes that trade one event for another; it only rises.
#[test]
fn real_news_gold_floor() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("gold");
    let events = code_to_file("gold", &gold.join("agnews-world-dev.jsonl"));
    let scored = Command::new("python3")
        .arg(shared.join("tools/score-events"))
        .arg(&events)
        .arg(gold.join("agnews-world-dev.gold.jsonl"))
        .output()
        .expect("run python3 score-events");
    let _ = std::fs::remove_file(&events);
    let text = String::from_utf8_lossy(&scored.stdout).to_string();
    println!("{text}");
    let main = text
        .lines()
        .find(|l| l.starts_with("main"))
        .unwrap_or_else(|| panic!("unexpected scorer output: {text}"));
    let f1: f64 = main
        .split_whitespace()
        .skip_while(|w| *w != "F1")
        .nth(1)
        .and_then(|w| w.parse().ok())
        .unwrap_or_else(|| panic!("no F1 in {main:?}"));
    // Measured 0.557 at `549f9be` (0.553 at `2bf2334`, 0.537 at `4726a32`, 0.525 at `0eb27d1`,
    // 0.518 at `e5c79da`, 0.496 at `372b4f8`, 0.488 at `fb72439`, 0.480 at
    // `2e0f9c8`, 0.467 at `feb7e40`, 0.460 at `98b734e`, 0.428 at
    // `033ef47`, 0.407 at `b7ae15a`, 0.375 at `531a768`, 0.344 at
    // `d88648c`, 0.318 at `25f80f5`, 0.224 before the parse's arguments;
    // 0.098 before issue 11).
    const FLOOR: f64 = 0.550;
    assert!(
        f1 >= FLOOR,
        "real-news gold: main F1 {f1}; floor is {FLOOR}\n{text}"
    );
}
