//! How long the bundled gazetteer takes to load (issue 13's speed point:
//! under 0.1 s), and one `locate` with its parse.
//!
//! ```sh
//! cargo bench -p statecraft-geo --bench load
//! ```

use statecraft_geo::{locate, Event, Gazetteer, StoryPlaces};
use std::hint::black_box;
use std::time::{Duration, Instant};

const PLACES: &str = include_str!("../../../data/gazetteer/places.tsv");
const REGIONS: &str = include_str!("../../../data/gazetteer/regions.tsv");

fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut all: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    all.sort();
    (all[0], all[runs / 2])
}

fn main() {
    let (min, median) = timed(11, || {
        Gazetteer::parse(black_box(PLACES), black_box(REGIONS))
    });
    println!("gazetteer load: min {min:.1?}, median {median:.1?} (11 runs)");
    let g = Gazetteer::bundled();
    let text = "Marines clashed with insurgents near the Iraqi city of Fallujah on Friday.";
    let parse = statecraft_syntax::parse(text);
    let event = Event {
        text,
        verb: Some([8, 15]),
        parse: Some(&parse),
        cameo: Some("190"),
        ..Event::default()
    };
    let story = StoryPlaces::default();
    let (min, median) = timed(1001, || locate(g, &event, &story));
    println!("locate, parse given: min {min:.1?}, median {median:.1?} (1001 runs)");
}
