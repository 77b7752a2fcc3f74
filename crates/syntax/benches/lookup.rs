//! What a weight look-up costs on this machine, by table size: the bound
//! behind issue 10's speed target (BENCHMARKS.md, "The memory bound").
//!
//! A greedy parser scores a transition by looking up one row of weights
//! per feature and must finish before the next transition's features are
//! known. This bench does the same with synthetic data: for each
//! transition, `features` hashed reads of one 32-byte slot (a 16-bit key
//! and 15 `i16` weights, one cache line at most), added branch-free, then
//! the best class feeds the next transition's hashes. Nothing here is the
//! parser's code: it measures the memory the parser's tables sit in.
//!
//! ```sh
//! cargo bench -p statecraft-syntax --bench lookup
//! ```

use std::hint::black_box;
use std::time::Instant;

/// One slot: a key check and the weights of up to 15 classes.
#[derive(Clone, Copy, Default)]
#[repr(C, align(32))]
struct Slot {
    key: u16,
    w: [i16; 15],
}

/// SplitMix64's finaliser: a cheap, well-mixed hash.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A table of `mb` megabytes filled with pseudo-random slots.
fn table(mb: usize) -> Vec<Slot> {
    let n = mb * 1024 * 1024 / size_of::<Slot>();
    (0..n as u64)
        .map(|i| Slot {
            key: (mix(i) & 0xffff) as u16,
            w: std::array::from_fn(|j| ((mix(i * 31 + j as u64) & 0xff) as i16) - 128),
        })
        .collect()
}

/// Nanoseconds per transition of `features` look-ups into `t`.
fn run(t: &[Slot], features: u64, transitions: usize) -> f64 {
    let n = t.len() as u128;
    let start = Instant::now();
    let mut seed = 1u64;
    let mut hits = 0u64;
    for _ in 0..transitions {
        let mut scores = [0i32; 15];
        for f in 0..features {
            let h = mix(seed ^ (f << 40));
            let slot = &t[(((h >> 16) as u128 * n) >> 48) as usize];
            // The keys are random, so the check almost never holds; it is
            // counted, not obeyed, so that every read is used and no branch
            // depends on it.
            hits += u64::from(slot.key == (h & 0xffff) as u16);
            for (s, &w) in scores.iter_mut().zip(&slot.w) {
                *s += i32::from(w);
            }
        }
        let best = (0..15).max_by_key(|&c| scores[c]).unwrap_or(0);
        seed = mix(seed.wrapping_add(best as u64));
    }
    black_box((seed, hits));
    start.elapsed().as_nanos() as f64 / transitions as f64
}

fn main() {
    println!("| table | 40 look-ups | 100 look-ups | ns a look-up (100) |");
    println!("|---|---|---|---|");
    for mb in [2, 4, 8, 16, 40] {
        let t = table(mb);
        let best = |features| {
            (0..3)
                .map(|_| run(&t, features, 200_000))
                .fold(f64::INFINITY, f64::min)
        };
        let (a, b) = (best(40), best(100));
        println!("| {mb} MB | {a:.0} ns | {b:.0} ns | {:.1} |", b / 100.0);
    }
}
