//! One event, many reports: events with the same dyad and CAMEO code whose
//! date ranges overlap are one event, told once with every mention.
//!
//! ```
//! # use statecraft_coder::{dedup, Event, Precision, Spans};
//! # use statecraft_text::Date;
//! # fn event(story: &str, sentence: usize, day: u32) -> Event {
//! #     let d = Date::from_ymd(2025, 2, day).unwrap();
//! #     Event { story_id: story.into(), sentence, source: "KORGOV".into(), target: "SYR".into(),
//! #         cameo: "042".into(), root: None, plover: None, goldstein: None, quad_class: None,
//! #         story_date: d, date: d, date_end: d, date_precision: Precision::Day, date_text: None,
//! #         text: String::new(), spans: Spans::default(), source_actor: None,
//! #         target_actor: None, pattern: None, modality: None, location: None }
//! # }
//! let merged = dedup::merge(vec![event("a", 0, 5), event("b", 3, 5), event("c", 1, 9)]);
//! assert_eq!(merged.len(), 2);
//! assert_eq!(merged[0].num_mentions, 2);
//! assert_eq!(merged[0].mentions[1].story_id, "b");
//! ```

use crate::{ActorCode, Event};
use serde::Serialize;
use statecraft_text::{Date, Precision};
use std::collections::HashMap;

/// Where an event was reported.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Mention {
    /// Story identifier.
    pub story_id: String,
    /// 0-based sentence index in the story.
    pub sentence: usize,
}

/// An event with all its reports.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Merged {
    /// Stable identifier: a hash of the dyad, the code and the earliest
    /// day of the merged date range. The same reports give the same id in
    /// any order; a new report that moves the range's start changes it.
    pub event_id: String,
    /// The most precisely dated report (the first of those on ties).
    #[serde(flatten)]
    pub event: Event,
    /// How many reports (GDELT's NumMentions, without its duplicates).
    pub num_mentions: usize,
    /// Every report, in input order.
    pub mentions: Vec<Mention>,
}

/// Same (source, target, CAMEO code) and overlapping `[date, date_end]`:
/// one event. Output is in order of each event's first report.
pub fn merge(events: Vec<Event>) -> Vec<Merged> {
    // Per dyad and code, the input indexes sorted by start date.
    let mut groups: HashMap<(&str, &str, &str), Vec<usize>> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        groups
            .entry((e.source.as_str(), e.target.as_str(), &e.cameo))
            .or_default()
            .push(i);
    }
    // cluster[i]: the cluster of event i.
    let mut cluster = vec![0usize; events.len()];
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut keys: Vec<_> = groups.into_values().collect();
    keys.sort();
    for mut members in keys {
        members.sort_by_key(|&i| (events[i].date, events[i].date_end, i));
        let mut end: Option<Date> = None;
        for i in members {
            let e = &events[i];
            match end {
                Some(d) if e.date <= d => {
                    end = Some(d.max(e.date_end));
                }
                _ => {
                    clusters.push(Vec::new());
                    end = Some(e.date_end);
                }
            }
            let c = clusters.len() - 1;
            clusters[c].push(i);
            cluster[i] = c;
        }
    }
    let mut order: Vec<usize> = (0..clusters.len()).collect();
    order.sort_by_key(|&c| clusters[c].iter().min().copied());
    let mut slots: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|c| {
            let mut members = clusters[c].clone();
            members.sort_unstable();
            let rank = |p: Precision| match p {
                Precision::Day => 0,
                Precision::Month => 1,
                Precision::Year => 2,
                Precision::Story => 3,
            };
            let best = *members
                .iter()
                .min_by_key(|&&i| (slots[i].as_ref().map_or(9, |e| rank(e.date_precision)), i))
                .expect("a cluster has members");
            let first_day = members
                .iter()
                .filter_map(|&i| slots[i].as_ref().map(|e| e.date))
                .min();
            let mentions: Vec<Mention> = members
                .iter()
                .filter_map(|&i| slots[i].as_ref())
                .map(|e| Mention {
                    story_id: e.story_id.clone(),
                    sentence: e.sentence,
                })
                .collect();
            let event = slots[best].take().expect("each event is taken once");
            let id = event_id(
                event.source.as_str(),
                event.target.as_str(),
                &event.cameo,
                first_day,
            );
            Merged {
                event_id: id,
                event,
                num_mentions: mentions.len(),
                mentions,
            }
        })
        .collect()
}

/// Drops repeats within one story: a later event with the same dyad, code
/// and an overlapping date range is a restatement of an earlier one.
pub fn within_story(events: &mut Vec<Event>) {
    // Per (story, dyad, code), the date ranges kept so far: a story with
    // many events is checked in time proportional to its repeats, not to
    // the square of its events.
    type Key = (String, ActorCode, ActorCode, String);
    let mut seen: HashMap<Key, Vec<(Date, Date)>> = HashMap::new();
    events.retain(|e| {
        let key = (
            e.story_id.clone(),
            e.source.clone(),
            e.target.clone(),
            e.cameo.clone(),
        );
        let ranges = seen.entry(key).or_default();
        if ranges.iter().any(|&(a, b)| a <= e.date_end && e.date <= b) {
            return false;
        }
        ranges.push((e.date, e.date_end));
        true
    });
}

/// 64-bit FNV-1a of the key, in hex: stable across runs and platforms.
fn event_id(source: &str, target: &str, cameo: &str, day: Option<Date>) -> String {
    let day = day.map(|d| d.to_string()).unwrap_or_default();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [source, target, cameo, &day] {
        for b in part.bytes().chain([0x1f]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}
