//! `statecraft serve` as a process, from the real command line, on SQLite
//! and on the PostgreSQL server the test command starts: it comes up,
//! refuses to start cleanly when its store is unreachable, and, killed
//! with SIGKILL while clients store stories, loses no story whose POST got
//! a 2xx answer.

mod common;

use common::postgres_schema;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TOKEN: &str = "kill-test-token-0123456789";

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("statecraft-serve-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `--data-dir DIR` or `--database URL`.
fn store_args(dir: &Path, pg: Option<&str>) -> Vec<String> {
    match pg {
        Some(url) => vec!["--database".into(), url.into()],
        None => vec!["--data-dir".into(), dir.display().to_string()],
    }
}

fn serve(store: &[String], port: u16) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_statecraft"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .args(store)
        .env("STATECRAFT_TOKEN", TOKEN)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        if ureq::get(&format!("http://127.0.0.1:{port}/healthz"))
            .call()
            .is_ok()
        {
            return child;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the server did not come up");
}

/// `statecraft serve --database URL` panicked at startup ("Cannot start a
/// runtime from within a runtime"): the PostgreSQL client was opened inside
/// the async runtime.
#[test]
fn serve_runs_on_postgres_from_the_command_line() {
    let Some(url) = postgres_schema("serve_cli") else {
        return;
    };
    let port = free_port();
    let mut server = serve(&store_args(Path::new(""), Some(&url)), port);
    let body = serde_json::json!({
        "id": "cli-pg",
        "date": "2025-02-11",
        "text": "South Korea opened its first embassy in Havana in January.",
    });
    let r = ureq::post(&format!("http://127.0.0.1:{port}/v1/stories"))
        .set("Authorization", &format!("Bearer {TOKEN}"))
        .send_json(body)
        .unwrap();
    assert_eq!(r.status(), 201);
    let r = ureq::get(&format!("http://127.0.0.1:{port}/v1/stories/cli-pg"))
        .call()
        .unwrap();
    assert_eq!(r.status(), 200);
    server.kill().unwrap();
    server.wait().unwrap();
}

/// With no store to reach, `serve` says so and exits 2; it does not panic.
#[test]
fn serve_without_its_database_fails_cleanly() {
    let port = free_port();
    let dead = format!("postgres://statecraft@127.0.0.1:{}/none", free_port());
    let out = Command::new(env!("CARGO_BIN_EXE_statecraft"))
        .args([
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--database",
            &dead,
        ])
        .env("STATECRAFT_TOKEN", TOKEN)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("statecraft: postgresql:"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn sigkill_while_storing_loses_no_acknowledged_story() {
    let dir = temp_dir("kill");
    kill_while_storing(&store_args(&dir, None));
    let mut store = statecraft_store::Store::open_sqlite(&dir).unwrap();
    assert!(store.incomplete_stories().unwrap().is_empty());
}

#[test]
fn sigkill_while_storing_loses_no_acknowledged_story_on_postgres() {
    let Some(url) = postgres_schema("serve_kill") else {
        return;
    };
    kill_while_storing(&store_args(Path::new(""), Some(&url)));
    let mut store = statecraft_store::Store::open_postgres(&url).unwrap();
    assert!(store.incomplete_stories().unwrap().is_empty());
}

fn kill_while_storing(store: &[String]) {
    let port = free_port();
    let mut server = serve(store, port);
    let acked = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = (0..4)
        .map(|c| {
            let acked = acked.clone();
            let stop = stop.clone();
            std::thread::spawn(move || {
                let agent = ureq::AgentBuilder::new()
                    .timeout(Duration::from_secs(20))
                    .build();
                for k in 0.. {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let id = format!("kill-{c}-{k}");
                    let body = serde_json::json!({
                        "id": id,
                        "date": "2025-02-11",
                        "text": format!("Story {id}. South Korea opened its first embassy in Havana in January. Seoul praised Cuba."),
                    });
                    match agent
                        .post(&format!("http://127.0.0.1:{port}/v1/stories"))
                        .set("Authorization", &format!("Bearer {TOKEN}"))
                        .send_json(body)
                    {
                        Ok(r) if (200..300).contains(&r.status()) => acked.lock().unwrap().push(id),
                        _ => break, // the server is gone
                    }
                }
            })
        })
        .collect();
    // Let some stories through, then kill the server mid-stream.
    let started = Instant::now();
    while acked.lock().unwrap().len() < 30 && started.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(20));
    }
    server.kill().unwrap(); // SIGKILL
    server.wait().unwrap();
    stop.store(true, Ordering::SeqCst);
    for c in clients {
        c.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(
        acked.len() >= 30,
        "only {} stories acknowledged",
        acked.len()
    );

    let mut server = serve(store, port);
    for id in &acked {
        let r = ureq::get(&format!("http://127.0.0.1:{port}/v1/stories/{id}"))
            .call()
            .unwrap_or_else(|e| panic!("story {id} acknowledged but lost: {e}"));
        let v: serde_json::Value = r.into_json().unwrap();
        assert_eq!(
            v["story"]["events"].as_i64().unwrap() as usize,
            v["events"].as_array().unwrap().len(),
            "{id} is whole"
        );
    }
    server.kill().unwrap();
    server.wait().unwrap();
}

/// Weak spot: SIGTERM waited 80 s for coding in flight. The server stops
/// accepting, interrupts coding and exits within its drain time.
#[test]
fn sigterm_drains_within_the_bound() {
    let dir = temp_dir("drain");
    let port = free_port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_statecraft"))
        .args([
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--drain",
            "2",
        ])
        .arg("--data-dir")
        .arg(&dir)
        .env("STATECRAFT_TOKEN", TOKEN)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while ureq::get(&format!("http://127.0.0.1:{port}/healthz"))
        .call()
        .is_err()
    {
        assert!(started.elapsed() < Duration::from_secs(60), "no server");
        std::thread::sleep(Duration::from_millis(50));
    }
    // Long coding in flight: a story of many sentences.
    let text = "Japan praised Bhutan on Monday, officials said. ".repeat(20_000);
    let busy = std::thread::spawn(move || {
        let _ = ureq::post(&format!("http://127.0.0.1:{port}/v1/code"))
            .timeout(Duration::from_secs(60))
            .send_json(serde_json::json!({"id": "busy", "date": "2025-02-11", "text": text}));
    });
    std::thread::sleep(Duration::from_millis(500));
    let asked = Instant::now();
    let status = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let mut exited = None;
    while asked.elapsed() < Duration::from_secs(30) {
        if let Some(s) = server.try_wait().unwrap() {
            exited = Some((s, asked.elapsed()));
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let Some((status, after)) = exited else {
        let _ = server.kill();
        let _ = server.wait();
        panic!("still running 30 s after SIGTERM");
    };
    assert!(status.success(), "{status}");
    // The drain (2 s) plus the runtime's own shutdown (1 s) and slack.
    assert!(
        after < Duration::from_secs(8),
        "exited {after:?} after SIGTERM"
    );
    busy.join().unwrap();
}
