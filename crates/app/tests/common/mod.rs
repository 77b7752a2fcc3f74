//! Stores to test against: a fresh SQLite directory, and a fresh schema in
//! the PostgreSQL server named by `STATECRAFT_TEST_POSTGRES`, if any.

#![allow(dead_code)]

use statecraft_app::{Ingest, Outcome, StoryCoder};
use statecraft_store::Store;
use statecraft_text::{read, Story};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("statecraft-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// The PostgreSQL URL for tests, or `None` (a failure when
/// `STATECRAFT_REQUIRE_SERVICES` is set).
pub fn postgres_url() -> Option<String> {
    match std::env::var("STATECRAFT_TEST_POSTGRES") {
        Ok(u) if !u.is_empty() => Some(u),
        _ => {
            assert!(
                std::env::var_os("STATECRAFT_REQUIRE_SERVICES").is_none(),
                "STATECRAFT_REQUIRE_SERVICES is set but STATECRAFT_TEST_POSTGRES is not"
            );
            eprintln!("note: STATECRAFT_TEST_POSTGRES unset; PostgreSQL cases skipped");
            None
        }
    }
}

/// A URL for a fresh, empty schema named `name` in the test server.
pub fn postgres_schema(name: &str) -> Option<String> {
    let url = postgres_url()?;
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    client
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name};"
        ))
        .expect("schema");
    let sep = if url.contains('?') { '&' } else { '?' };
    Some(format!("{url}{sep}options=-c%20search_path%3D{name}"))
}

/// Fresh stores of every available backend, with a label.
pub fn fresh_stores(name: &str) -> Vec<(&'static str, Store)> {
    let mut out = vec![(
        "sqlite",
        Store::open_sqlite(&temp_dir(name)).expect("sqlite store"),
    )];
    if let Some(url) = postgres_schema(name) {
        out.push((
            "postgres",
            Store::open_postgres(&url).expect("postgres store"),
        ));
    }
    out
}

pub fn stories(path: &Path) -> Vec<Story> {
    let bytes = std::fs::read(path).expect("read");
    let label = path.display().to_string();
    let batch = read::read(
        read::detect(Some(path), &bytes),
        &bytes,
        &label,
        Path::new(""),
    );
    batch.stories().cloned().collect()
}

pub fn seed() -> Vec<Story> {
    stories(&root().join("examples/south-korea-syria-2025-02-11.txt"))
}

/// A batch ingest with the bundled dictionaries plus `extra`.
pub fn new_ingest(extra: &[(&str, &[u8])]) -> Ingest {
    let (coder, errors) = StoryCoder::new(extra);
    assert!(
        errors.iter().all(|e| e.file.starts_with("<bundled>")),
        "{errors:?}"
    );
    Ingest::new(Arc::new(coder))
}

pub fn ingest(store: &mut Store, ingest: &mut Ingest, stories: &[Story]) -> Outcome {
    let mut total = Outcome::default();
    for s in stories {
        total.merge(ingest.add(store, s).expect("add"));
    }
    total.merge(ingest.flush(store).expect("flush"));
    total
}
