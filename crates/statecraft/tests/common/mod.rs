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
