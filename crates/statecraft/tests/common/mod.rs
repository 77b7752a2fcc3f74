//! What the binary's tests share.

#![allow(dead_code)]

/// A fresh schema `name` in the test PostgreSQL server, as a URL; `None`
/// when no server is configured (a failure under
/// `STATECRAFT_REQUIRE_SERVICES`).
pub fn postgres_schema(name: &str) -> Option<String> {
    let url = match std::env::var("STATECRAFT_TEST_POSTGRES") {
        Ok(u) if !u.is_empty() => u,
        _ => {
            assert!(
                std::env::var_os("STATECRAFT_REQUIRE_SERVICES").is_none(),
                "STATECRAFT_REQUIRE_SERVICES is set but STATECRAFT_TEST_POSTGRES is not"
            );
            eprintln!("note: STATECRAFT_TEST_POSTGRES unset; PostgreSQL case skipped");
            return None;
        }
    };
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name};"
        ))
        .unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    Some(format!("{url}{sep}options=-c%20search_path%3D{name}"))
}

/// Runs `statecraft SUBCOMMAND ARGS...` with `stdin` on its standard input.
pub fn statecraft(subcommand: &str, args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_statecraft"))
        .arg(subcommand)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    // A command may exit before it reads its input (a refused model):
    // its output says what happened, not the broken pipe.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}
