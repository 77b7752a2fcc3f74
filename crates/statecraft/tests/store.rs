//! The store through the real binary: the seed end to end on a fresh data
//! directory (snapshots in `tests/snapshots/`), importers' bad input, and
//! a crash test that kills an ingest with SIGKILL in the middle of a batch.
//!
//! Set `UPDATE_SNAPSHOTS=1` to rewrite the snapshot files after a change
//! that is meant to alter the output.

mod common;

use common::postgres_schema;
use statecraft_app::StoryCoder;
use statecraft_store::Store;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_statecraft"));
    c.env_remove("STATECRAFT_DATA");
    c
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("statecraft-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(dir: &Path, args: &[&str]) -> Output {
    let out = bin()
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .output()
        .expect("run statecraft");
    assert!(
        out.status.success(),
        "statecraft {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Compares with `tests/snapshots/NAME`, or writes it under UPDATE_SNAPSHOTS.
fn snapshot(name: &str, got: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} missing: run with UPDATE_SNAPSHOTS=1", path.display()));
    assert_eq!(got, want, "snapshot {name} differs");
}

#[test]
fn seed_end_to_end() {
    let dir = temp_dir("seed");
    let seed = root().join("examples/south-korea-syria-2025-02-11.txt");
    let o = run(&dir, &["ingest", seed.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("stored 1 new"), "{err}");
    // Twice: nothing new.
    let o = run(&dir, &["ingest", seed.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("stored 0 new and 0 re-coded stories (1 unchanged)"));

    let missing = stdout(&run(
        &dir,
        &["ties", "KOR", "--missing", "--as-of", "2025-02-11"],
    ));
    snapshot("ties-kor-missing.txt", &missing);
    assert!(missing.contains("1 of 192"), "{missing}");
    let csv = stdout(&run(
        &dir,
        &[
            "ties",
            "KOR",
            "--missing",
            "--as-of",
            "2025-02-11",
            "--format",
            "csv",
        ],
    ));
    let rows: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| &l[..l.find(',').unwrap() + 4])
        .collect();
    assert_eq!(rows, ["missing,SYR", "special,PRK"], "{csv}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&run(
        &dir,
        &[
            "ties",
            "KOR",
            "--missing",
            "--as-of",
            "2025-02-11",
            "--format",
            "json",
        ],
    )))
    .unwrap();
    assert_eq!(json["missing"][0]["partner"], "SYR");
    assert_eq!(json["special"][0]["partner"], "PRK");

    let cuba = stdout(&run(
        &dir,
        &["ties", "KOR", "--as-of", "2024-03-01", "--format", "csv"],
    ));
    assert!(
        cuba.lines()
            .any(|l| l.starts_with("CUB,Cuba,established,2024-02-14,since,")),
        "{cuba}"
    );

    let kor = stdout(&run(&dir, &["ties", "KOR", "--as-of", "2025-02-11"]));
    assert!(kor.contains("KOR in CUB  since 2025-01"), "{kor}");
    let timeline = stdout(&run(&dir, &["timeline", "KOR", "SYR"]));
    snapshot("timeline-kor-syr.txt", &timeline);
    let network = stdout(&run(
        &dir,
        &[
            "network",
            "PRK",
            "--from",
            "2024-12-01",
            "--to",
            "2025-02-11",
        ],
    ));
    snapshot("network-prk.txt", &network);

    // Exports: GDELT has 61 columns; PLOVER is JSON a line; CSV a header.
    let gdelt = stdout(&run(&dir, &["export", "--format", "gdelt"]));
    let n = gdelt.lines().count();
    assert!(n >= 10, "{gdelt}");
    assert!(gdelt.lines().all(|l| l.split('\t').count() == 61));
    let plover = stdout(&run(
        &dir,
        &["export", "--format", "plover", "--source", "KOR"],
    ));
    for l in plover.lines() {
        serde_json::from_str::<serde_json::Value>(l).unwrap();
    }
    assert!(plover.lines().count() < n);
    let csv = stdout(&run(&dir, &["export", "--format", "csv", "--cameo", "04"]));
    assert!(csv.lines().count() >= 4, "{csv}");
    let pq = dir.join("events.parquet");
    run(
        &dir,
        &["export", "--format", "parquet", "-o", pq.to_str().unwrap()],
    );
    assert!(std::fs::read(&pq).unwrap().starts_with(b"PAR1"));
}

/// The same commands against PostgreSQL print exactly what they print
/// against SQLite.
#[test]
fn postgres_answers_as_sqlite_does() {
    let Some(url) = postgres_schema("cli_parity") else {
        return;
    };
    let dir = temp_dir("parity");
    let seed = root().join("examples/south-korea-syria-2025-02-11.txt");
    let data = root().join("crates/world/tests/data/relations.csv");
    let commands: &[&[&str]] = &[
        &["ingest", seed.to_str().unwrap()],
        &[
            "import",
            "relations",
            "--format",
            "csv",
            data.to_str().unwrap(),
        ],
        &["ties", "KOR", "--missing", "--as-of", "2025-02-11"],
        &[
            "ties",
            "KOR",
            "--missing",
            "--as-of",
            "2025-02-11",
            "--format",
            "json",
        ],
        &["ties", "SAU", "--as-of", "2024-01-01", "--format", "csv"],
        &["ties", "KOR", "--as-of", "2024-03-01"],
        &["timeline", "KOR", "SYR"],
        &[
            "timeline",
            "KOR",
            "SYR",
            "--from",
            "2025-02-06",
            "--format",
            "csv",
        ],
        &[
            "network",
            "PRK",
            "--from",
            "2024-12-01",
            "--to",
            "2025-02-11",
        ],
        &[
            "network",
            "KOR",
            "--from",
            "2024-01-01",
            "--to",
            "2025-02-11",
            "--format",
            "json",
        ],
        &["export", "--format", "csv"],
        &["export", "--format", "plover", "--target", "SYR"],
    ];
    for args in commands {
        let lite = run(&dir, args);
        let pg = bin()
            .args(*args)
            .arg("--database")
            .arg(&url)
            .output()
            .unwrap();
        assert!(
            pg.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&pg.stderr)
        );
        let (mut a, mut b) = (stdout(&lite), stdout(&pg));
        if args[0] == "export" {
            // Row ids number the same events alike but need not be equal.
            a = strip_ids(&a);
            b = strip_ids(&b);
        }
        assert_eq!(a, b, "{args:?}");
    }
}

fn strip_ids(s: &str) -> String {
    s.lines()
        .map(|l| match l.strip_prefix("{\"id\":") {
            Some(rest) => rest[rest.find(',').unwrap_or(0)..].to_string(),
            None => l[l.find(',').unwrap_or(0)..].to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn importers_reject_bad_files_and_store_nothing() {
    let dir = temp_dir("import");
    let data = root().join("crates/world/tests/data");
    let good = |fmt: &str, file: &str| {
        let o = run(
            &dir,
            &[
                "import",
                "relations",
                "--format",
                fmt,
                data.join(file).to_str().unwrap(),
            ],
        );
        String::from_utf8_lossy(&o.stderr).to_string()
    };
    assert!(good("csv", "relations.csv").contains("imported 5 facts"));
    assert!(good("csv", "relations.csv").contains("already imported"));
    good("cow-dipex", "cow-dipex.csv");
    good("wikidata", "wikidata-p530.json");
    let count = || Store::open_sqlite(&dir).unwrap().counts().unwrap();
    let before = count();
    let cases: &[(&str, &[u8], &str)] = &[
        ("csv", b"a;b\n", "wrong header"),
        (
            "csv",
            b"a,b,status,from,to,source\nKOR,CUB,none,2024,,s\nKOR,Atlantis,none,2024,,s\n",
            "unknown state code `Atlantis`",
        ),
        (
            "csv",
            b"a,b,status,from,to,source\nKOR,CUB,none,2024-05,2024-04-30,s\n",
            "inverted dates",
        ),
        (
            "csv",
            b"a,b,status,from,to,source\nKOR,CUB,none,2024,,\xc3\x28\n",
            "invalid UTF-8",
        ),
        ("cow-dipex", b"ccode1,ccode2,year\n", "wrong header"),
        ("wikidata", b"[]", "wrong header"),
    ];
    for (i, (fmt, bytes, want)) in cases.iter().enumerate() {
        let f = dir.join(format!("bad{i}"));
        std::fs::write(&f, bytes).unwrap();
        let o = bin()
            .args(["import", "relations", "--format", fmt])
            .arg(&f)
            .arg("--data-dir")
            .arg(&dir)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "case {i}: {err}");
        assert!(
            err.contains(want) && err.contains(&format!("bad{i}")),
            "case {i}: {err}"
        );
        assert_eq!(count(), before, "case {i}: nothing stored");
    }
}

/// Stories that code to events: `n` of them, three sentences each.
fn corpus(n: usize) -> String {
    let states = [
        "France", "Germany", "Japan", "Brazil", "India", "Kenya", "Egypt", "Mexico", "Canada",
        "Turkey", "Iran", "Israel", "Jordan", "Chile", "Peru", "Nigeria",
    ];
    let verbs = [
        "signed an agreement with",
        "accused",
        "met with",
        "praised",
        "criticized",
        "threatened",
    ];
    let mut out = String::new();
    for i in 0..n {
        let a = states[i % states.len()];
        let b = states[(i / states.len() + 1 + i) % states.len()];
        let text = format!(
            "{a} {} {b} on Monday. Officials in {b} {} {a} later. Story {i} ends here.",
            verbs[i % verbs.len()],
            verbs[(i + 3) % verbs.len()]
        );
        out.push_str(&format!(
            "{{\"id\":\"s{i}\",\"date\":\"2024-{:02}-{:02}\",\"text\":\"{text}\"}}\n",
            1 + i % 12,
            1 + i % 28
        ));
    }
    out
}

#[test]
fn sigkill_during_ingest_leaves_whole_stories() {
    let dir = temp_dir("crash");
    let store = dir.join("store");
    crash(
        &dir,
        &["--data-dir".into(), store.display().to_string()],
        || {
            store
                .join("statecraft.db")
                .exists()
                .then(|| Store::open_sqlite(&store).ok())
                .flatten()
        },
    );
}

#[test]
fn sigkill_during_ingest_leaves_whole_stories_in_postgres() {
    let Some(url) = postgres_schema("crash") else {
        return;
    };
    let dir = temp_dir("crash-pg");
    crash(&dir, &["--database".into(), url.clone()], || {
        Store::open(&statecraft_store::Location::Postgres(url.clone())).ok()
    });
}

/// Kills `statecraft ingest` (with `store_args`) with SIGKILL at two
/// known points, checks the store each time, then finishes the ingest.
/// The points are failpoints, not delays: the process stops itself there
/// and waits for the kill, so the test is the same in debug and release
/// builds and on any machine.
fn crash(dir: &Path, store_args: &[String], open: impl Fn() -> Option<Store>) {
    let input = dir.join("stories.jsonl");
    let n = 1_000;
    std::fs::write(&input, corpus(n)).unwrap();
    // After the third batch of 100 commits: exactly 300 stories, whole.
    kill_at(&input, store_args, "store.put.committed=pause@3");
    let mut store = open().expect("the store exists after three commits");
    assert_eq!(
        store.counts().unwrap().0,
        300,
        "killed after the third commit"
    );
    assert!(store.incomplete_stories().unwrap().is_empty());
    drop(store);
    // Mid-transaction, the next run's second batch written but not
    // committed: the first batch (stories 301–400) is all it adds.
    kill_at(&input, store_args, "store.put.before_commit=pause@2");
    let mut store = open().unwrap();
    let (stories, events, _) = store.counts().unwrap();
    assert_eq!(stories, 400, "killed before the second batch committed");
    assert!(store.incomplete_stories().unwrap().is_empty());
    // Each stored story has exactly the events coding it gives.
    let (coder, _) = StoryCoder::new(&[]);
    let all: Vec<statecraft_text::Story> = {
        let bytes = std::fs::read(&input).unwrap();
        statecraft_text::read::read_jsonl(&bytes, "stories.jsonl")
            .stories()
            .cloned()
            .collect()
    };
    let mut checked = 0;
    for s in all.iter().take(450) {
        let coded = coder.code(s).unwrap();
        match store.story(&s.id).unwrap() {
            Some((stored, stored_events)) => {
                assert_eq!(stored.events as usize, coded.events.len(), "{}", s.id);
                assert_eq!(stored_events.len(), coded.events.len(), "{}", s.id);
                checked += 1;
            }
            None => assert!(checked >= 400, "{} missing", s.id),
        }
    }
    assert_eq!(checked, 400);
    drop(store);
    // Resuming finishes the job without storing anything twice.
    let out = bin()
        .arg("ingest")
        .arg(&input)
        .args(store_args)
        .args(["--batch-stories", "100"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut store = open().unwrap();
    let (stories2, events2, _) = store.counts().unwrap();
    assert_eq!(stories2 as usize, n);
    assert!(events2 > events);
    assert!(store.incomplete_stories().unwrap().is_empty());
}

/// Runs `statecraft ingest` in batches of 100 with the failpoint `spec`,
/// waits until the process reports reaching it, and kills it (SIGKILL).
fn kill_at(input: &Path, store_args: &[String], spec: &str) {
    use std::io::BufRead;
    let mut child = bin()
        .arg("ingest")
        .arg(input)
        .args(store_args)
        .args(["--batch-stories", "100"])
        .env("STATECRAFT_FAILPOINTS", spec)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let point = spec.split('=').next().unwrap().to_string();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            if line == format!("failpoint {point} reached") {
                let _ = tx.send(());
            }
        }
    });
    let reached = rx.recv_timeout(Duration::from_secs(600));
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    assert!(reached.is_ok(), "the ingest never reached {spec}");
}

/// Defect 4: a NUL in one story's text or id aborted a whole PostgreSQL
/// ingest (0 of 1,001 stored). The story is refused alone, with a
/// diagnostic, on both backends; the other 1,000 are stored.
#[test]
fn a_story_with_a_nul_fails_alone() {
    let dir = temp_dir("nul");
    let input = dir.join("stories.jsonl");
    std::fs::create_dir_all(&dir).unwrap();
    let mut text = corpus(1_000);
    text.push_str(
        "{\"id\":\"with-nul\",\"date\":\"2024-05-01\",\"text\":\"Japan praised\\u0000 Bhutan.\"}\n",
    );
    text.push_str(
        "{\"id\":\"nul\\u0000id\",\"date\":\"2024-05-01\",\"text\":\"Japan praised Bhutan.\"}\n",
    );
    std::fs::write(&input, text).unwrap();
    let mut stores: Vec<(String, Vec<String>)> = vec![(
        "sqlite".into(),
        vec!["--data-dir".into(), dir.join("store").display().to_string()],
    )];
    if let Some(url) = postgres_schema("nul_alone") {
        stores.push(("postgres".into(), vec!["--database".into(), url]));
    }
    for (backend, args) in stores {
        let out = bin()
            .arg("ingest")
            .arg(&input)
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{backend}: {stderr}");
        assert!(
            stderr.contains("[story with-nul]: the text holds a NUL"),
            "{stderr}"
        );
        assert!(stderr.contains("stored 1000 new"), "{backend}: {stderr}");
    }
}
