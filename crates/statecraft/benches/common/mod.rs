//! What the benchmarks share: the corpus they read.

/// The bytes and path of `../shared/corpus/synthetic-stories.jsonl`, or of
/// the file named by `STATECRAFT_BENCH_CORPUS`; `None` (after saying so)
/// when it is not there.
pub fn corpus() -> Option<(String, Vec<u8>)> {
    let path = std::env::var("STATECRAFT_BENCH_CORPUS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/corpus/synthetic-stories.jsonl"
        )
        .to_string()
    });
    match std::fs::read(&path) {
        Ok(bytes) => Some((path, bytes)),
        Err(_) => {
            eprintln!("skipped: corpus {path} not found (set STATECRAFT_BENCH_CORPUS)");
            None
        }
    }
}
