//! The server under hostile input: each test shows one bound holding (and
//! names the defect it fixes). `scripts/hostile` replays the same attacks
//! at scale against the real binary.

mod common;

use common::*;
use serde_json::Value;
use statecraft_server::{Config, PoolConfig};
use std::io::{Read, Write};
use std::time::{Duration, Instant};

/// One sentence of `bytes` bytes without a full stop.
fn one_long_sentence(bytes: usize) -> String {
    let mut s = "officials said that Syria ".repeat(bytes / 26 + 1);
    s.truncate(bytes);
    s.push_str(" and Seoul met Damascus.");
    s
}

/// Defect 2: coding was quadratic in sentence length (256 KB of "said
/// that" took 49 s). A long sentence is now coded in pieces of bounded
/// length, and the answer says so.
#[test]
fn a_256_kb_sentence_is_coded_in_pieces_and_reported() {
    // The debug build codes the 256 KB in about 15 s on an idle two-core
    // machine, and in over 30 s (the default request timeout) while the
    // rest of the suite runs beside it; the quadratic coder took minutes.
    let mut config = Config::new(sqlite("long_sentence"));
    config.timeout = Duration::from_secs(120);
    let (_server, base) = start_with(config);
    let r = call(
        "POST",
        &format!("{base}/v1/code"),
        None,
        Some(&story_json("long", &one_long_sentence(256 * 1024))),
    );
    assert_eq!(r.status, 200, "{:?}", r.body);
    let notes = r.body["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0]["message"].as_str().unwrap().contains("pieces"));
    // The end of the sentence was coded too.
    let events = r.body["events"].as_array().unwrap();
    assert!(
        events
            .iter()
            .any(|e| e["source_state"] == "KOR" && e["target_state"] == "SYR"),
        "{events:?}"
    );
}

/// Defect 2: `/v1/code` took the writer lock, so anonymous coding held up
/// writes. Writes now code on lanes of their own: with anonymous coding
/// given no threads at all, `/v1/code` is refused and a write is still
/// coded and stored.
#[test]
fn writes_do_not_depend_on_anonymous_coding() {
    let mut config = Config::new(sqlite("lanes"));
    config.token = Some(TOKEN.into());
    config.coders = 0;
    let (_server, base) = start_with(config);
    let story = story_json("small", "Japan praised Bhutan on Monday.");
    let r = call("POST", &format!("{base}/v1/code"), None, Some(&story));
    assert_problem(&r, 503, "anonymous coding off");
    assert_eq!(r.body["type"], "/problems/coding-off");
    let w = call(
        "POST",
        &format!("{base}/v1/stories"),
        Some(TOKEN),
        Some(&story),
    );
    assert_eq!(w.status, 201, "{:?}", w.body);
    assert!(!w.body["events"].as_array().unwrap().is_empty());
}

/// Defect 3: a write answered 408 was stored 18 s later. Coding that
/// passes the request's deadline is now interrupted, and nothing is
/// stored; a write once coded is committed and answered as such.
#[test]
fn a_write_answered_with_an_error_is_not_stored() {
    let mut config = Config::new(sqlite("write_timeout"));
    config.token = Some(TOKEN.into());
    // A 25,000-sentence story takes far longer than 50 ms to code (about
    // a second in a release build).
    config.timeout = Duration::from_millis(50);
    let location = config.location.clone();
    let (_server, base) = start_with(config);
    let text = "Japan praised Bhutan on Monday. ".repeat(25_000);
    let r = call(
        "POST",
        &format!("{base}/v1/stories"),
        Some(TOKEN),
        Some(&story_json("late", &text)),
    );
    assert_problem(&r, 408, "coding past the deadline");
    assert_eq!(r.body["type"], "/problems/coding-timeout");
    // Not stored now, nor later.
    std::thread::sleep(Duration::from_millis(500));
    let mut store = statecraft_store::Store::open(&location).unwrap();
    assert!(store.story("late").unwrap().is_none());
    assert_eq!(store.counts().unwrap().0, 0);
}

/// Defect 4: a NUL aborted a whole PostgreSQL ingest and gave 500, even
/// for `GET /v1/stories/%00`. One rule on both stores: refused, with a
/// problem, and the server goes on.
#[test]
fn nul_characters_are_refused_on_every_backend() {
    for (backend, location) in locations("api_nul") {
        let mut config = Config::new(location);
        config.token = Some(TOKEN.into());
        let (_server, base) = start_with(config);
        let cases: &[(&str, &str, Option<String>, u16)] = &[
            ("GET", "/v1/stories/%00", None, 404),
            ("GET", "/v1/stories/a%00b", None, 404),
            ("GET", "/v1/events?plover=%00", None, 400),
            ("GET", "/v1/events?source=%00", None, 400),
            ("GET", "/v1/ties/%00", None, 400),
            (
                "POST",
                "/v1/code",
                Some(story_json("n", "Seoul met\u{0} Damascus.")),
                400,
            ),
            (
                "POST",
                "/v1/stories",
                Some(story_json("n", "Seoul met\u{0} Damascus.")),
                400,
            ),
            (
                "POST",
                "/v1/stories",
                Some(story_json("a\u{0}b", "Seoul met Damascus.")),
                400,
            ),
        ];
        for (method, path, body, status) in cases {
            let token = (*method == "POST").then_some(TOKEN);
            let r = call(method, &format!("{base}{path}"), token, body.as_deref());
            assert_problem(&r, *status, &format!("{backend}: {method} {path}"));
        }
        // A good story still goes in.
        let r = call(
            "POST",
            &format!("{base}/v1/stories"),
            Some(TOKEN),
            Some(&story_json("good", "Japan praised Bhutan on Monday.")),
        );
        assert_eq!(r.status, 201, "{backend}: {:?}", r.body);
    }
}

/// Defect 5: read connections had no cap and never closed (1,000 clients
/// left PostgreSQL refusing everyone). They are bounded, requests beyond
/// them wait and then get 503 with Retry-After (never 500), and idle ones
/// close.
#[test]
fn store_connections_are_bounded_and_close_when_idle() {
    for (backend, location) in locations("api_pool") {
        let mut config = Config::new(location);
        config.readers = PoolConfig {
            size: 2,
            wait: Duration::from_millis(200),
            idle: Duration::from_secs(1),
        };
        let (server, base) = start_with(config);
        let clients: Vec<_> = (0..64)
            .map(|i| {
                let base = base.clone();
                std::thread::spawn(move || {
                    (0..5)
                        .map(|k| {
                            // Distinct windows: no answer comes from the cache.
                            let day = 1 + (i * 5 + k) % 28;
                            let url = format!("{base}/v1/timeline/KOR/SYR?from=2024-01-{day:02}");
                            let r = call("GET", &url, None, None);
                            (r.status, r.body["type"].clone())
                        })
                        .collect::<Vec<(u16, Value)>>()
                })
            })
            .collect();
        let mut most = 0;
        while clients.iter().any(|c| !c.is_finished()) {
            most = most.max(server.store_connections());
            std::thread::sleep(Duration::from_millis(5));
        }
        let answers: Vec<(u16, Value)> = clients
            .into_iter()
            .flat_map(|c| c.join().unwrap())
            .collect();
        assert!(
            answers
                .iter()
                .all(|(s, t)| *s == 200 || (*s == 503 && t == "/problems/busy")),
            "{backend}: {:?}",
            answers
                .iter()
                .filter(|(s, _)| *s != 200)
                .collect::<Vec<_>>()
        );
        assert!(answers.iter().any(|(s, _)| *s == 200), "{backend}");
        // Two for reads and one for writes at most.
        assert!(most <= 3, "{backend}: {most} store connections");
        // Idle connections close (trimmed every second after 1 s idle).
        let started = Instant::now();
        while server.store_connections() > 0 && started.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(100));
        }
        assert_eq!(server.store_connections(), 0, "{backend}");
        // And open again when needed.
        assert_eq!(get(&format!("{base}/v1/ties/KOR")).status, 200);
    }
}

/// Defect 6: after PostgreSQL dropped the server's connections, every
/// request (`/healthz` included) gave 500 until a restart. Broken
/// connections are now replaced on the next request.
#[test]
fn the_server_reconnects_after_postgres_drops_its_connections() {
    let Some((_, location)) = locations("api_reconnect")
        .into_iter()
        .find(|(b, _)| *b == "postgres")
    else {
        return;
    };
    let url = std::env::var("STATECRAFT_TEST_POSTGRES").unwrap();
    let (_server, base) = start_with(Config::new(location));
    assert_eq!(get(&format!("{base}/healthz")).status, 200);
    assert_eq!(get(&format!("{base}/v1/events?limit=1")).status, 200);
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let killed: i64 = admin
        .query_one(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE application_name = 'api_reconnect') t",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(killed >= 1, "no backend to terminate");
    for path in ["/healthz", "/v1/events?limit=1", "/v1/ties/KOR"] {
        let r = get(&format!("{base}{path}"));
        assert_eq!(r.status, 200, "{path}: {:?}", r.body);
    }
    let h = get(&format!("{base}/healthz"));
    assert_eq!(h.body["status"], "ok");
}

/// `/healthz` tells the truth: 503 with the reason when the store cannot
/// be reached.
#[test]
fn health_reports_an_unreachable_store() {
    let Some((_, location)) = locations("api_health")
        .into_iter()
        .find(|(b, _)| *b == "postgres")
    else {
        return;
    };
    let url = std::env::var("STATECRAFT_TEST_POSTGRES").unwrap();
    let mut config = Config::new(location);
    config.readers.wait = Duration::from_millis(500);
    let (_server, base) = start_with(config);
    assert_eq!(get(&format!("{base}/healthz")).status, 200);
    // Rename the schema away: every new connection fails its check.
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    admin
        .batch_execute(
            "DROP SCHEMA IF EXISTS api_health_gone CASCADE;
             ALTER SCHEMA api_health RENAME TO api_health_gone",
        )
        .unwrap();
    admin
        .batch_execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE application_name = 'api_health'",
        )
        .unwrap();
    let h = get(&format!("{base}/healthz"));
    admin
        .batch_execute("ALTER SCHEMA api_health_gone RENAME TO api_health")
        .unwrap();
    assert_eq!(h.status, 503, "{:?}", h.body);
    assert_eq!(h.body["status"], "unavailable");
    assert!(h.body["detail"].is_string());
    assert_eq!(get(&format!("{base}/healthz")).status, 200);
}

/// Defect 9: long answers were unbounded. Timelines are paged.
#[test]
fn long_timelines_are_paged() {
    let mut config = Config::new(sqlite("paging"));
    config.token = Some(TOKEN.into());
    let (_server, base) = start_with(config);
    let r = call(
        "POST",
        &format!("{base}/v1/stories"),
        Some(TOKEN),
        Some(&seed_body()),
    );
    assert_eq!(r.status, 201);
    let all = get(&format!("{base}/v1/timeline/KOR/SYR"));
    let n = all.body["events"].as_array().unwrap().len();
    assert!(n >= 6);
    let mut seen = Vec::new();
    let mut url = format!("{base}/v1/timeline/KOR/SYR?limit=2");
    loop {
        let page = get(&url);
        let events = page.body["events"].as_array().unwrap();
        assert!(events.len() <= 2);
        seen.extend(events.iter().map(|e| e["id"].as_i64().unwrap()));
        match page.body["next_cursor"].as_str() {
            Some(c) => url = format!("{base}/v1/timeline/KOR/SYR?limit=2&cursor={c}"),
            None => break,
        }
    }
    let ids: Vec<i64> = all.body["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    assert_eq!(seen, ids, "pages in order, each event once");
    assert_problem(
        &get(&format!("{base}/v1/timeline/KOR/SYR?limit=0")),
        400,
        "limit 0",
    );
}

/// Weak spot: connections that send nothing, or a request head a byte at
/// a time (slowloris), stayed open for ever. They are closed after the
/// header timeout.
#[test]
fn idle_and_slow_connections_are_closed() {
    let mut config = Config::new(sqlite("slowloris"));
    config.header_timeout = Duration::from_secs(1);
    let (_server, base) = start_with(config);
    let addr = base.trim_start_matches("http://").to_string();
    let closed_within = |mut s: std::net::TcpStream, drip: bool| {
        s.set_read_timeout(Some(Duration::from_millis(100)))
            .unwrap();
        let started = Instant::now();
        let head = b"GET /healthz HTTP/1.1\r\nHost: x\r\n";
        let mut k = 0;
        while started.elapsed() < Duration::from_secs(15) {
            if drip && k < head.len() {
                if s.write_all(&head[k..k + 1]).is_err() {
                    return Some(started.elapsed());
                }
                k += 1;
            }
            let mut buf = [0u8; 512];
            match s.read(&mut buf) {
                Ok(0) => return Some(started.elapsed()),
                Ok(_) => {}
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(_) => return Some(started.elapsed()),
            }
        }
        None
    };
    let idle = std::net::TcpStream::connect(&addr).unwrap();
    let slow = std::net::TcpStream::connect(&addr).unwrap();
    let slow = std::thread::spawn(move || closed_within(slow, true));
    let idle = closed_within(idle, false);
    let slow = slow.join().unwrap();
    assert!(idle.is_some(), "an idle connection stayed open");
    assert!(slow.is_some(), "a slowloris connection stayed open");
    // A well-behaved client is served.
    assert_eq!(get(&format!("{base}/healthz")).status, 200);
}

/// Weak spots: HTTP details. A chunked body over the limit is 413; 414 and
/// 431 carry problems; API answers say `nosniff`, the page sets a
/// Referrer-Policy; the scheme `bearer` is read in any case; the token is
/// checked in constant time and a short one is refused at startup.
#[test]
fn http_details() {
    let mut config = Config::new(sqlite("http_details"));
    config.token = Some(TOKEN.into());
    config.body_limit = 64 * 1024;
    let (_server, base) = start_with(config.clone());
    // Chunked, over the limit.
    let chunk = "x".repeat(8 * 1024);
    let mut req = b"POST /v1/code HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".to_vec();
    for _ in 0..16 {
        req.extend(format!("{:x}\r\n{chunk}\r\n", chunk.len()).bytes());
    }
    req.extend(b"0\r\n\r\n");
    let answer = raw(&base, &req);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(
        answer.to_lowercase().contains("application/problem+json"),
        "{answer}"
    );
    // URI and headers over the limits.
    let long = format!("{base}/v1/ties/KOR?x={}", "a".repeat(9 * 1024));
    assert_problem(&get(&long), 414, "long URI");
    let big = format!(
        "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
        "b".repeat(40 * 1024)
    );
    let answer = raw(&base, big.as_bytes());
    assert!(
        answer.starts_with("HTTP/1.1 431"),
        "{}",
        &answer[..answer.len().min(200)]
    );
    assert!(answer.to_lowercase().contains("application/problem+json"));
    // Security headers.
    for path in ["/healthz", "/v1/ties/KOR", "/v1/nothing", "/"] {
        let r = ureq::get(&format!("{base}{path}")).call();
        let r = match r {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(
            r.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(r.header("referrer-policy"), Some("no-referrer"), "{path}");
    }
    // `bearer` in lower case.
    let r = ureq::post(&format!("{base}/v1/stories"))
        .set("Authorization", &format!("bearer {TOKEN}"))
        .set("Content-Type", "application/json")
        .send_string(&story_json("lower", "Japan praised Bhutan on Monday."))
        .unwrap();
    assert_eq!(r.status(), 201);
    // A prefix of the token is refused.
    let r = call(
        "POST",
        &format!("{base}/v1/stories"),
        Some(&TOKEN[..TOKEN.len() - 1]),
        Some(&story_json("prefix", "Japan praised Bhutan on Monday.")),
    );
    assert_problem(&r, 401, "a prefix of the token");
    // A one-character token: the server refuses to start.
    config.token = Some("x".into());
    let err = statecraft_server::spawn(&config).err().expect("refused");
    assert!(err.to_string().contains("at least 16"), "{err}");
}

/// Weak spot: dates. API dates are exactly YYYY-MM-DD in 0001–9999.
#[test]
fn dates_are_strict() {
    let (_server, base) = start_with(Config::new(sqlite("dates")));
    for bad in [
        "-2025-01-01",
        "2025-01-01'%20OR%201=1",
        "0000-06-01",
        "10000-01-01",
        "2025-1-1",
        "2025-02-11T00:00:00",
    ] {
        let r = get(&format!("{base}/v1/ties/KOR?as_of={bad}"));
        assert_problem(&r, 400, bad);
        assert_eq!(r.body["type"], "/problems/bad-date", "{bad}");
    }
    assert_eq!(
        get(&format!("{base}/v1/ties/KOR?as_of=9999-12-31")).status,
        200
    );
    assert_eq!(
        get(&format!("{base}/v1/ties/KOR?as_of=0001-01-01")).status,
        200
    );
}
