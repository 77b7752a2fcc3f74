//! Parser throughput: tokenises, splits, tags and parses the texts of
//! `../shared/corpus/synthetic-stories.jsonl` (or the file named by
//! `STATECRAFT_BENCH_CORPUS`) with the built-in syntax model on one
//! thread, three passes, and reports the model's load time, words and
//! sentences per second (best pass) and the process's peak memory.
//!
//! Run: `cargo bench -p statecraft --bench parse`

mod common;

use statecraft_syntax::Model;
use statecraft_text::{read::read_jsonl, Item};
use std::time::Instant;

/// The binary's allocator (see `src/main.rs`), so that the benchmark
/// measures what `statecraft parse` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Peak resident memory of this process, from `/proc` (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let Some((path, bytes)) = common::corpus() else {
        return;
    };
    let batch = read_jsonl(&bytes, &path);
    let texts: Vec<&str> = batch
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Story(s) => Some(s.text.as_str()),
            _ => None,
        })
        .collect();
    let rss_before = peak_rss_mb().unwrap_or(0.0);
    let t = Instant::now();
    let model = Model::builtin();
    let load = t.elapsed();
    println!("model load: {:.0} ms", load.as_secs_f64() * 1000.0);
    let mut best = f64::INFINITY;
    let (mut words, mut sentences) = (0usize, 0usize);
    for pass in 1..=3 {
        let t = Instant::now();
        (words, sentences) = (0, 0);
        for text in &texts {
            for p in model.analyze(text) {
                words += p.len();
                sentences += 1;
            }
        }
        let secs = t.elapsed().as_secs_f64();
        best = best.min(secs);
        println!(
            "pass {pass}: {} stories, {sentences} sentences, {words} words in {secs:.2} s: {:.0} words/s",
            texts.len(),
            words as f64 / secs
        );
    }
    println!(
        "best: {:.0} words/s, {:.0} sentences/s; peak memory {:.0} MB (before the model: {rss_before:.0} MB)",
        words as f64 / best,
        sentences as f64 / best,
        peak_rss_mb().unwrap_or(f64::NAN)
    );
}
