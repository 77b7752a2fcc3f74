//! `statecraft serve` as a process: killed with SIGKILL while clients
//! store stories, then restarted: every story whose POST got a 2xx answer
//! is there, whole.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TOKEN: &str = "kill-test-token";

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

fn serve(dir: &Path, port: u16) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_statecraft"))
        .args([
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--data-dir",
        ])
        .arg(dir)
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

#[test]
fn sigkill_while_storing_loses_no_acknowledged_story() {
    let dir = temp_dir("kill");
    let port = free_port();
    let mut server = serve(&dir, port);
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

    let mut server = serve(&dir, port);
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
    let mut store = statecraft_store::Store::open_sqlite(&dir).unwrap();
    assert!(store.incomplete_stories().unwrap().is_empty());
}
