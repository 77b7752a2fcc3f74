//! Scale benchmark: a generated store of 10 million events among 200
//! states, then the world-model queries against it.
//!
//! ```text
//! cargo bench -p statecraft-store --bench scale
//! SCALE_EVENTS=1000000 SCALE_DIR=/tmp/scale cargo bench -p statecraft-store --bench scale
//! ```
//!
//! Ingest goes through `Store::put_stories`, the write path `statecraft
//! ingest` uses after coding: stories of ten events, 10,000 stories (100,000 events) a
//! transaction, with the event rules applied to every event. Coding is
//! measured separately (`cargo bench -p statecraft --bench corpus`).

use statecraft_store::{EventRecord, Spans, Store, StoryRecord};
use statecraft_text::Date;
use statecraft_world::{import, States};
use std::time::Instant;

const EVENTS_PER_STORY: usize = 10;
const STORIES_PER_TX: usize = 10_000;

/// (CAMEO code, Goldstein, sentence) — a few change ties, most do not.
const KINDS: &[(&str, f64, &str)] = &[
    ("042", 1.9, "{a} officials visited {b} for talks on trade."),
    ("043", 2.8, "{a} hosted a delegation from {b}."),
    ("051", 3.4, "{a} praised the government of {b}."),
    ("111", -2.0, "{a} criticized the policies of {b}."),
    ("112", -2.0, "{a} accused {b} of interference."),
    ("130", -4.4, "{a} threatened {b} with sanctions."),
    ("036", 4.0, "{a} said it wants to meet leaders of {b}."),
    ("057", 8.0, "{a} signed a trade agreement with {b}."),
    ("190", -10.0, "Forces of {a} clashed with troops from {b}."),
    ("046", 7.0, "{a} and {b} held consultations."),
];

fn rng(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

fn main() {
    let total: usize = std::env::var("SCALE_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000_000);
    let dir = std::env::var("SCALE_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| std::env::temp_dir().join("statecraft-scale"));
    let reuse = std::env::var_os("SCALE_REUSE").is_some() && dir.join("statecraft.db").exists();
    if !reuse {
        let _ = std::fs::remove_dir_all(&dir);
    }
    // 200 states: the 193 UN members and the first non-members.
    let states: Vec<&statecraft_world::State> = States::bundled().all().iter().take(200).collect();
    // The table has 197 states; three made-up codes, which appear only in
    // events, make 200.
    let mut codes: Vec<String> = states.iter().map(|s| s.cameo.clone()).collect();
    let known = codes.len();
    for x in ["XAA", "XAB", "XAC"].into_iter().take(200 - known) {
        codes.push(x.to_string());
    }
    let mut store = Store::open_sqlite(&dir).expect("store");

    if !reuse {
        // Reference ties: every pair, known as of 2015; one in fifty severed.
        let mut csv = String::from("a,b,status,from,to,source\n");
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for (i, a) in codes[..known].iter().enumerate() {
            for b in &codes[i + 1..known] {
                let status = if rng(&mut seed).is_multiple_of(50) {
                    "severed"
                } else {
                    "established"
                };
                csv.push_str(&format!(
                    "{a},{b},{status},as of 2015-01-01,,scale benchmark\n"
                ));
            }
        }
        let facts = import::read_csv(csv.as_bytes(), "scale.csv", States::bundled()).unwrap();
        store
            .import("csv", "scale.csv", csv.as_bytes(), &facts)
            .unwrap();

        let start = Date::from_ymd(2015, 1, 1).unwrap();
        let stories = total / EVENTS_PER_STORY;
        let t0 = Instant::now();
        let mut batch = Vec::with_capacity(STORIES_PER_TX);
        let mut written = 0usize;
        for s in 0..stories {
            let day = start.add_days((s as u64 * 3650 / stories as u64) as i32);
            let story = StoryRecord {
                hash: format!("{s:064x}"),
                story_id: format!("scale-{s}"),
                date: day,
                title: None,
                text: String::new(),
                origin: "scale".into(),
                coder: "scale".into(),
                events: EVENTS_PER_STORY as i64,
            };
            let events: Vec<EventRecord> = (0..EVENTS_PER_STORY)
                .map(|k| {
                    let r = rng(&mut seed);
                    let a = &codes[(r % codes.len() as u64) as usize];
                    let mut b = &codes[((r >> 16) % codes.len() as u64) as usize];
                    if a == b {
                        b = &codes[((r >> 16) as usize + 1) % codes.len()];
                    }
                    let (cameo, g, text) = KINDS[((r >> 32) % KINDS.len() as u64) as usize];
                    EventRecord {
                        id: 0,
                        story_id: story.story_id.clone(),
                        story_hash: story.hash.clone(),
                        story_date: day,
                        sentence: k as i64,
                        source: format!("{a}GOV").into(),
                        target: b.as_str().into(),
                        source_state: Some(a.clone()),
                        target_state: Some(b.clone()),
                        cameo: cameo.into(),
                        root: Some(cameo[..2].into()),
                        plover: None,
                        goldstein: Some(g),
                        quad_class: Some(if g > 0.0 { 1 } else { 3 }),
                        date: day,
                        date_end: day,
                        date_precision: statecraft_types::Precision::Story,
                        date_text: None,
                        modality: None,
                        text: text.replace("{a}", a).replace("{b}", b),
                        spans: Spans::default(),
                        pattern: None,
                        source_actor: None,
                        target_actor: None,
                        location: None,
                    }
                })
                .collect();
            batch.push((story, events));
            if batch.len() == STORIES_PER_TX || s + 1 == stories {
                store.put_stories(&batch).expect("put");
                written += batch.len() * EVENTS_PER_STORY;
                batch.clear();
                if written.is_multiple_of(1_000_000) {
                    let secs = t0.elapsed().as_secs_f64();
                    eprintln!("{written} events, {:.0} events/s", written as f64 / secs);
                }
            }
        }
        let secs = t0.elapsed().as_secs_f64();
        println!(
            "ingest: {written} events in {secs:.1} s = {:.0} events/s",
            written as f64 / secs
        );
    }
    let (stories, events, facts) = store.counts().unwrap();
    println!("store: {stories} stories, {events} events, {facts} facts");

    let probe: Vec<&String> = codes[..known].iter().step_by(known / 9).take(9).collect();
    let as_of = Date::from_ymd(2024, 6, 30).unwrap();
    let report = |name: &str, mut f: Box<dyn FnMut(usize) -> usize + '_>| {
        let mut times = Vec::new();
        let mut size = 0;
        for i in 0..27 {
            let t = Instant::now();
            size = f(i);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(|a, b| a.total_cmp(b));
        println!(
            "{name:<28} median {:7.2} ms  p90 {:7.2} ms  max {:7.2} ms  (last result: {size} rows)",
            times[times.len() / 2],
            times[times.len() * 9 / 10],
            times[times.len() - 1]
        );
    };
    let mut s1 = Store::open_sqlite(&dir).unwrap();
    report(
        "ties --as-of",
        Box::new(|i| s1.ties(probe[i % probe.len()], as_of).unwrap().len()),
    );
    let mut s2 = Store::open_sqlite(&dir).unwrap();
    report(
        "ties --missing",
        Box::new(|i| {
            s2.missing(probe[i % probe.len()], as_of)
                .unwrap()
                .missing
                .len()
        }),
    );
    let mut s3 = Store::open_sqlite(&dir).unwrap();
    report(
        "timeline (all years)",
        Box::new(|i| {
            let a = probe[i % probe.len()];
            let b = probe[(i + 1) % probe.len()];
            s3.timeline(a, b, None, None).unwrap().events.len()
        }),
    );
    let mut s4 = Store::open_sqlite(&dir).unwrap();
    let (from, to) = (
        Date::from_ymd(2023, 1, 1).unwrap(),
        Date::from_ymd(2023, 12, 31).unwrap(),
    );
    report(
        "network (one year)",
        Box::new(|i| {
            s4.network(probe[i % probe.len()], from, to)
                .unwrap()
                .balance
                .iter()
                .map(|b| b.events as usize)
                .sum()
        }),
    );
}
