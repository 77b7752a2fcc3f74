//! One event, many reports: merging across stories and within one.

use statecraft_coder::dedup::{merge, within_story};
use statecraft_coder::{Event, Precision, Spans};
use statecraft_text::Date;

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// An event of `story`/`sentence`: "SRC TGT CODE FROM TO PRECISION".
fn ev(story: &str, sentence: usize, spec: &str) -> Event {
    let f: Vec<&str> = spec.split_whitespace().collect();
    let precision = Precision::parse(f[5]).unwrap_or(Precision::Story);
    Event {
        story_id: story.into(),
        sentence,
        source: f[0].into(),
        target: f[1].into(),
        cameo: f[2].into(),
        root: None,
        plover: None,
        goldstein: None,
        quad_class: None,
        story_date: day(f[4]),
        date: day(f[3]),
        date_end: day(f[4]),
        date_precision: precision,
        date_text: None,
        text: String::new(),
        spans: Spans::default(),
        source_actor: None,
        target_actor: None,
        pattern: None,
        modality: None,
        location: None,
    }
}

/// (what it shows, events as (story, sentence, spec), expected groups of
/// mentions as "story:sentence" lists, in output order).
type Case<'a> = (
    &'a str,
    &'a [(&'a str, usize, &'a str)],
    &'a [&'a [&'a str]],
);

#[rustfmt::skip]
const CASES: &[Case] = &[
    ("one report", &[("a", 0, "KOR SYR 042 2025-02-05 2025-02-07 day")], &[&["a:0"]]),
    ("two papers, same visit",
     &[("a", 0, "KOR SYR 042 2025-02-05 2025-02-07 day"), ("b", 2, "KOR SYR 042 2025-02-05 2025-02-07 day")],
     &[&["a:0", "b:2"]]),
    ("a week that contains the visit",
     &[("a", 0, "KOR SYR 042 2025-02-05 2025-02-07 day"), ("b", 1, "KOR SYR 042 2025-02-03 2025-02-09 day")],
     &[&["a:0", "b:1"]]),
    ("a month that contains the day",
     &[("a", 0, "KOR CUB 054 2025-01-01 2025-01-31 month"), ("b", 4, "KOR CUB 054 2025-01-14 2025-01-14 day")],
     &[&["a:0", "b:4"]]),
    ("another code is another event",
     &[("a", 0, "KOR SYR 042 2025-02-05 2025-02-05 day"), ("b", 0, "KOR SYR 040 2025-02-05 2025-02-05 day")],
     &[&["a:0"], &["b:0"]]),
    ("the other direction is another event",
     &[("a", 0, "KOR SYR 042 2025-02-05 2025-02-05 day"), ("a", 0, "SYR KOR 042 2025-02-05 2025-02-05 day")],
     &[&["a:0"], &["a:0"]]),
    ("another role is another dyad",
     &[("a", 0, "KOR SYR 042 2025-02-05 2025-02-05 day"), ("b", 0, "KORGOV SYR 042 2025-02-05 2025-02-05 day")],
     &[&["a:0"], &["b:0"]]),
    ("disjoint dates are two events",
     &[("a", 0, "RUS TUR 040 2025-02-03 2025-02-03 day"), ("b", 0, "RUS TUR 040 2025-02-10 2025-02-10 day")],
     &[&["a:0"], &["b:0"]]),
    ("adjacent days do not overlap",
     &[("a", 0, "RUS TUR 040 2025-02-09 2025-02-09 day"), ("b", 0, "RUS TUR 040 2025-02-10 2025-02-10 day")],
     &[&["a:0"], &["b:0"]]),
    ("overlaps chain",
     &[("a", 0, "RUS TUR 040 2025-02-01 2025-02-05 day"), ("c", 0, "RUS TUR 040 2025-02-08 2025-02-12 day"),
       ("b", 0, "RUS TUR 040 2025-02-05 2025-02-08 day")],
     &[&["a:0", "c:0", "b:0"]]),
    ("story-dated reports of one day merge",
     &[("a", 3, "USA IRN 163 2025-02-11 2025-02-11 story"), ("b", 0, "USA IRN 163 2025-02-11 2025-02-11 story")],
     &[&["a:3", "b:0"]]),
    ("story-dated reports of two days do not",
     &[("a", 3, "USA IRN 163 2025-02-11 2025-02-11 story"), ("b", 0, "USA IRN 163 2025-02-12 2025-02-12 story")],
     &[&["a:3"], &["b:0"]]),
    ("output follows first reports",
     &[("a", 0, "CHN JPN 111 2025-02-01 2025-02-01 day"), ("b", 0, "USA IRN 163 2025-02-11 2025-02-11 day"),
       ("c", 0, "CHN JPN 111 2025-02-01 2025-02-01 day")],
     &[&["a:0", "c:0"], &["b:0"]]),
];

#[test]
fn merge_table() {
    let mut failures = Vec::new();
    for (what, input, want) in CASES {
        let events: Vec<Event> = input.iter().map(|(s, n, spec)| ev(s, *n, spec)).collect();
        let got: Vec<Vec<String>> = merge(events)
            .iter()
            .map(|m| {
                assert_eq!(m.num_mentions, m.mentions.len());
                m.mentions
                    .iter()
                    .map(|x| format!("{}:{}", x.story_id, x.sentence))
                    .collect()
            })
            .collect();
        let want: Vec<Vec<String>> = want
            .iter()
            .map(|g| g.iter().map(|s| s.to_string()).collect())
            .collect();
        if got != want {
            failures.push(format!("{what}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn event_ids_are_stable_and_order_free() {
    let a = ev("a", 0, "KOR SYR 042 2025-02-05 2025-02-07 day");
    let b = ev("b", 1, "KOR SYR 042 2025-02-03 2025-02-09 day");
    let c = ev("c", 0, "RUS TUR 040 2025-02-10 2025-02-10 day");
    let one = merge(vec![a.clone(), b.clone(), c.clone()]);
    let two = merge(vec![c, b, a]);
    let ids = |m: &[statecraft_coder::dedup::Merged]| {
        let mut v: Vec<String> = m.iter().map(|m| m.event_id.clone()).collect();
        v.sort();
        v
    };
    assert_eq!(ids(&one), ids(&two));
    assert_eq!(one.len(), 2);
    assert_ne!(one[0].event_id, one[1].event_id);
    // The representative is the most precise report: the visit itself.
    let visit = one.iter().find(|m| m.event.cameo == "042").unwrap();
    assert_eq!(visit.event.date, day("2025-02-05"));
    assert_eq!(visit.event.date_end, day("2025-02-07"));
}

#[test]
fn within_story_keeps_the_first_statement() {
    let mut events = vec![
        ev("a", 0, "KOR SYR 042 2025-02-05 2025-02-07 day"),
        ev("a", 1, "SYR KOR 043 2025-02-05 2025-02-07 day"),
        ev("a", 4, "KOR SYR 042 2025-02-05 2025-02-05 day"),
        ev("a", 5, "KOR SYR 042 2025-03-05 2025-03-05 day"),
        ev("b", 0, "KOR SYR 042 2025-02-05 2025-02-07 day"),
    ];
    within_story(&mut events);
    let kept: Vec<(String, usize)> = events
        .iter()
        .map(|e| (e.story_id.clone(), e.sentence))
        .collect();
    assert_eq!(
        kept,
        [
            ("a".to_string(), 0),
            ("a".to_string(), 1),
            ("a".to_string(), 5),
            ("b".to_string(), 0)
        ]
    );
}
