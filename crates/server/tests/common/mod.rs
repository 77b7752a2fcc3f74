//! What the API tests share: servers on free ports over each backend, and
//! a small HTTP client.

#![allow(dead_code)]

use serde_json::{json, Value};
use statecraft_server::Config;
use statecraft_store::Location;
use std::path::{Path, PathBuf};

pub const TOKEN: &str = "test-token-3f9a-0123456789";

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A server on a free loopback port, over `location`; returns its base URL.
pub fn start(location: Location, token: Option<&str>) -> String {
    let mut config = Config::new(location);
    config.listen = "127.0.0.1:0".parse().unwrap();
    config.token = token.map(str::to_string);
    config.body_limit = 256 * 1024;
    let addr = statecraft_server::spawn(&config).expect("start").detach();
    format!("http://{addr}")
}

pub fn locations(name: &str) -> Vec<(&'static str, Location)> {
    let dir = std::env::temp_dir().join(format!("statecraft-api-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut out = vec![("sqlite", Location::Dir(dir))];
    match std::env::var("STATECRAFT_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => {
            let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
            c.batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name};"
            ))
            .unwrap();
            out.push((
                "postgres",
                // The application name lets a test find this server's
                // own connections among those of tests running alongside.
                Location::Postgres(format!(
                    "{url}?options=-c%20search_path%3D{name}&application_name={name}"
                )),
            ));
        }
        _ => assert!(
            std::env::var_os("STATECRAFT_REQUIRE_SERVICES").is_none(),
            "STATECRAFT_REQUIRE_SERVICES is set but STATECRAFT_TEST_POSTGRES is not"
        ),
    }
    out
}

pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub body: Value,
}

pub fn call(method: &str, url: &str, token: Option<&str>, body: Option<&str>) -> Reply {
    let agent = ureq::AgentBuilder::new().build();
    let mut req = agent.request(method, url);
    if let Some(t) = token {
        req = req.set("Authorization", &format!("Bearer {t}"));
    }
    let res = match body {
        Some(b) => req.set("Content-Type", "application/json").send_string(b),
        None => req.call(),
    };
    let resp = match res {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("{method} {url}: {e}"),
    };
    let status = resp.status();
    let content_type = resp.header("content-type").unwrap_or("").to_string();
    let text = resp.into_string().unwrap_or_default();
    Reply {
        status,
        content_type,
        body: serde_json::from_str(&text).unwrap_or(Value::String(text)),
    }
}

pub fn get(url: &str) -> Reply {
    call("GET", url, None, None)
}

pub fn seed_body() -> String {
    let text =
        std::fs::read_to_string(root().join("examples/south-korea-syria-2025-02-11.txt")).unwrap();
    // The paragraphs after the headline, Published line and `-`.
    let body: Vec<&str> = text.lines().skip(3).collect();
    json!({"id": "seed", "date": "2025-02-11", "title": "South Korea mulls diplomatic ties with Syria", "text": body.join("\n")})
        .to_string()
}

pub fn assert_problem(r: &Reply, status: u16, what: &str) {
    assert_eq!(r.status, status, "{what}: {:?}", r.body);
    assert!(
        r.content_type.starts_with("application/problem+json"),
        "{what}: {}",
        r.content_type
    );
    assert_eq!(r.body["status"], status, "{what}");
    assert!(
        r.body["title"].is_string() && r.body["detail"].is_string(),
        "{what}"
    );
}

/// POSTs headers announcing a `len`-byte body, and returns the answer.
pub fn too_large(base: &str, len: usize) -> String {
    use std::io::{Read, Write};
    let addr = base.trim_start_matches("http://");
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "POST /v1/code HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n{{"
    )
    .unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A server over `config` (on a free loopback port), still running while
/// the handle lives; returns it with its base URL.
pub fn start_with(mut config: Config) -> (statecraft_server::Handle, String) {
    config.listen = "127.0.0.1:0".parse().unwrap();
    let handle = statecraft_server::spawn(&config).expect("start");
    let base = format!("http://{}", handle.addr);
    (handle, base)
}

/// A fresh SQLite location named `name`.
pub fn sqlite(name: &str) -> Location {
    let dir = std::env::temp_dir().join(format!("statecraft-api-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    Location::Dir(dir)
}

/// A story body for `/v1/code` or `/v1/stories`.
pub fn story_json(id: &str, text: &str) -> String {
    json!({"id": id, "date": "2025-02-11", "text": text}).to_string()
}

/// Sends raw bytes and reads the answer until the server closes (or 10 s).
pub fn raw(base: &str, request: &[u8]) -> String {
    use std::io::{Read, Write};
    let addr = base.trim_start_matches("http://");
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.write_all(request).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}
