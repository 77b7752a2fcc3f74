//! Load test on loopback, release build, against a large store.
//!
//! ```text
//! # a store of 10 million events first (see crates/store/benches/scale.rs):
//! SCALE_DIR=/tmp/scale-10m cargo bench -p statecraft-store --bench scale
//! SCALE_DIR=/tmp/scale-10m cargo bench -p statecraft-server --bench load
//! ```
//!
//! 1. `GET /v1/ties/{state}?as_of=` from `LOAD_CLIENTS` (default 16)
//!    keep-alive connections for `LOAD_SECONDS` (default 20): requests per
//!    second, latency percentiles, errors. Ten states and one date, so the
//!    server's answer cache serves most requests; with `LOAD_COLD=1`, a
//!    new date nearly every request, so each is computed from the store.
//! 2. `POST /v1/stories` from 8 clients at once, 50 stories each, every
//!    fifth one sent twice: afterwards each story is stored exactly once.
//!
//! The load generator is a plain HTTP/1.1 client on raw sockets, so it
//! spends little of the machine's two cores.

use statecraft_server::Config;
use statecraft_store::{Location, Store};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

const TOKEN: &str = "load-benchmark-token-0123456789";

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// One request on a kept-alive connection; returns the status.
fn request(
    conn: &mut BufReader<TcpStream>,
    method: &str,
    path: &str,
    body: Option<&str>,
) -> std::io::Result<u16> {
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\n");
    if let Some(b) = body {
        req.push_str(&format!(
            "Authorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
            b.len()
        ));
    }
    req.push_str("\r\n");
    if let Some(b) = body {
        req.push_str(b);
    }
    conn.get_mut().write_all(req.as_bytes())?;
    let mut line = String::new();
    conn.read_line(&mut line)?;
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line `{line}`")))?;
    let mut len = 0usize;
    loop {
        line.clear();
        conn.read_line(&mut line)?;
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            len = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; len];
    conn.read_exact(&mut body)?;
    Ok(status)
}

fn connect(addr: std::net::SocketAddr) -> BufReader<TcpStream> {
    let s = TcpStream::connect(addr).expect("connect");
    s.set_nodelay(true).unwrap();
    BufReader::new(s)
}

fn main() {
    let dir = std::env::var("SCALE_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| std::env::temp_dir().join("statecraft-scale"));
    assert!(
        dir.join("statecraft.db").exists(),
        "no store in {}: run the scale benchmark first",
        dir.display()
    );
    let (stories0, events0, _) = Store::open_sqlite(&dir).unwrap().counts().unwrap();
    println!("store: {stories0} stories, {events0} events");
    let mut config = Config::new(Location::Dir(dir.clone()));
    config.listen = "127.0.0.1:0".parse().unwrap();
    config.token = Some(TOKEN.into());
    let addr = statecraft_server::spawn(&config).expect("start").detach();
    std::thread::sleep(Duration::from_millis(200));

    // 1. Reads.
    let clients = env("LOAD_CLIENTS", 16) as usize;
    let cold = std::env::var_os("LOAD_COLD").is_some();
    let seconds = env("LOAD_SECONDS", 20);
    let codes = [
        "KOR", "PRK", "SYR", "CUB", "USA", "CHN", "RUS", "FRA", "BRA", "NGA",
    ];
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let handles: Vec<_> = (0..clients)
        .map(|c| {
            std::thread::spawn(move || {
                let mut conn = connect(addr);
                let mut lat = Vec::new();
                let mut errors = 0u64;
                // Clients start far apart, so that cold requests do not share dates.
                let mut i = c * 100_000;
                while Instant::now() < deadline {
                    // Cold: a new date almost every time, so the answer
                    // cache (4,096 entries) cannot help.
                    let day = if cold {
                        1 + (i / codes.len()) % 3650
                    } else {
                        0
                    };
                    let as_of = statecraft_text::Date::from_ymd(2015, 1, 1)
                        .unwrap()
                        .add_days(day as i32);
                    let path = format!("/v1/ties/{}?as_of={as_of}", codes[i % codes.len()]);
                    i += 1;
                    let t = Instant::now();
                    match request(&mut conn, "GET", &path, None) {
                        Ok(200) => lat.push(t.elapsed().as_micros() as u64),
                        _ => {
                            errors += 1;
                            conn = connect(addr);
                        }
                    }
                }
                (lat, errors)
            })
        })
        .collect();
    let mut lat = Vec::new();
    let mut errors = 0;
    for h in handles {
        let (l, e) = h.join().unwrap();
        lat.extend(l);
        errors += e;
    }
    lat.sort_unstable();
    let pct = |p: f64| lat[((lat.len() as f64 * p) as usize).min(lat.len() - 1)] as f64 / 1000.0;
    println!(
        "GET /v1/ties ({}): {clients} clients, {seconds} s: {} requests, {:.0} req/s, p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms, {errors} errors",
        if cold { "cold: a new date each request" } else { "10 states, one date" },
        lat.len(),
        lat.len() as f64 / seconds as f64,
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(1.0),
    );

    // 2. Concurrent writes.
    let run = std::process::id();
    let t = Instant::now();
    let handles: Vec<_> = (0..8)
        .map(|c| {
            std::thread::spawn(move || {
                let mut conn = connect(addr);
                let mut ok = Vec::new();
                for k in 0..50 {
                    let id = format!("load-{run}-{c}-{k}");
                    let body = format!(
                        r#"{{"id":"{id}","date":"2025-02-11","text":"Load test {id}: South Korea and Cuba signed an agreement on trade. Seoul praised Havana."}}"#
                    );
                    let times = if k % 5 == 0 { 2 } else { 1 };
                    for _ in 0..times {
                        let s = request(&mut conn, "POST", "/v1/stories", Some(&body)).unwrap();
                        assert!(s == 201 || s == 200, "status {s}");
                    }
                    ok.push(id);
                }
                ok
            })
        })
        .collect();
    let ids: Vec<String> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let secs = t.elapsed().as_secs_f64();
    let mut store = Store::open_sqlite(&dir).unwrap();
    let mut missing = 0;
    for id in &ids {
        if store.story(id).unwrap().is_none() {
            missing += 1;
        }
    }
    let (stories1, _, _) = store.counts().unwrap();
    println!(
        "POST /v1/stories: 8 clients, {} stories ({} sent twice) in {secs:.1} s; {missing} missing, {} stored (expected {})",
        ids.len(),
        ids.len() / 5,
        stories1 - stories0,
        ids.len()
    );
    assert_eq!(missing, 0);
    assert_eq!(
        (stories1 - stories0) as usize,
        ids.len(),
        "no story lost or duplicated"
    );
}
