//! Throughput benchmark: codes `../shared/corpus/synthetic-stories.jsonl`
//! (or the file named by `STATECRAFT_BENCH_CORPUS`) with the bundled
//! dictionaries on one thread, and reports dictionary load time, sentences
//! per second and events.
//!
//! Run: `cargo bench -p statecraft --bench corpus`
//! Peak memory: `/usr/bin/time -v target/release/deps/corpus-* --bench`.

mod common;

use statecraft_coder::{Coder, Options};
use statecraft_text::{read::read_jsonl, split_sentences, Item, Layout};
use std::time::Instant;

/// The binary's allocator (see `src/main.rs`), so that the benchmark
/// measures what `statecraft code` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let Some((path, bytes)) = common::corpus() else {
        return;
    };
    let t = Instant::now();
    let (dict, _) = statecraft_dict::bundled();
    let coder = Coder::new(dict, Options::statecraft());
    let load = t.elapsed();

    let batch = read_jsonl(&bytes, &path);
    let stories: Vec<_> = batch
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Story(s) => Some(s),
            _ => None,
        })
        .collect();
    let sentences: usize = stories
        .iter()
        .map(|s| match s.layout {
            Layout::Sentence => 1,
            Layout::Prose => split_sentences(&s.text).len(),
        })
        .sum();
    let mut best = f64::MAX;
    let mut events = 0;
    for _ in 0..3 {
        let t = Instant::now();
        events = 0;
        for s in &stories {
            events += coder.code_story(s).len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "corpus: {} stories, {sentences} sentences, {events} events",
        stories.len()
    );
    println!("dictionary load: {:.0} ms", load.as_secs_f64() * 1000.0);
    println!(
        "coding (best of 3, one thread): {:.2} s, {:.0} sentences/s",
        best,
        sentences as f64 / best
    );
}
