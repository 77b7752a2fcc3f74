//! What the store keeps: stories and events as rows.

use serde::Serialize;
use sha2::{Digest, Sha256};
use statecraft_coder::Event;
use statecraft_text::{Date, Story};
use statecraft_world::States;

/// A story as stored.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoryRecord {
    /// Content hash: SHA-256 of the date and text (see [`content_hash`]).
    pub hash: String,
    /// The story's own identifier.
    pub story_id: String,
    /// Publication date.
    pub date: Date,
    /// Headline, if any.
    pub title: Option<String>,
    /// Full text.
    pub text: String,
    /// Where it was read (`file:line`).
    pub origin: String,
    /// Fingerprint of the dictionaries and coder that coded it.
    pub coder: String,
    /// Number of events stored for it.
    pub events: i64,
}

impl StoryRecord {
    /// The record for `story`, coded by `coder` (a fingerprint).
    pub fn new(story: &Story, coder: &str) -> StoryRecord {
        StoryRecord::with_hash(story, coder, content_hash(story))
    }

    /// The same, with the story's [`content_hash`] already computed.
    pub fn with_hash(story: &Story, coder: &str, hash: String) -> StoryRecord {
        StoryRecord {
            hash,
            story_id: story.id.clone(),
            date: story.date,
            title: story.title.clone(),
            text: story.text.clone(),
            origin: format!("{}:{}", story.origin.file, story.origin.line),
            coder: coder.to_string(),
            events: 0,
        }
    }
}

/// A story's identity: SHA-256 over its date and its text with line ends
/// normalised, in hex. The identifier and file are not part of it, so the
/// same story read from two files is one story.
pub fn content_hash(story: &Story) -> String {
    let mut h = Sha256::new();
    h.update(story.date.to_string().as_bytes());
    h.update(b"\n");
    for line in story.text.lines() {
        h.update(line.trim_end().as_bytes());
        h.update(b"\n");
    }
    hex(&h.finalize())
}

/// SHA-256 of `bytes`, in hex.
pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Character spans in the evidence sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Spans {
    /// The source actor.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Vec<u64>>))]
    pub source: Option<[usize; 2]>,
    /// The target actor.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Vec<u64>>))]
    pub target: Option<[usize; 2]>,
    /// The verb.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Vec<u64>>))]
    pub verb: Option<[usize; 2]>,
}

/// An event as stored and queried.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventRecord {
    /// Row id (0 before it is stored).
    pub id: i64,
    /// The story's identifier.
    pub story_id: String,
    /// The story's content hash.
    pub story_hash: String,
    /// The story's date.
    pub story_date: Date,
    /// 0-based sentence index.
    pub sentence: i64,
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// The source's state (CAMEO country code), if it has one.
    pub source_state: Option<String>,
    /// The target's state.
    pub target_state: Option<String>,
    /// CAMEO event code.
    pub cameo: String,
    /// Its root.
    pub root: Option<String>,
    /// PLOVER category.
    pub plover: Option<String>,
    /// Goldstein score.
    pub goldstein: Option<f64>,
    /// QuadClass, 1–4.
    pub quad_class: Option<i64>,
    /// First day of the event.
    pub date: Date,
    /// Last day.
    pub date_end: Date,
    /// `day`, `range`, `month`, `year`, `season` or `story`.
    pub date_precision: String,
    /// The words the date came from.
    pub date_text: Option<String>,
    /// `intended` for intentions; absent when it happened.
    pub modality: Option<String>,
    /// The evidence sentence.
    pub text: String,
    /// Spans in it.
    pub spans: Spans,
}

impl EventRecord {
    /// The row for a coded event of the story with content hash `hash`.
    pub fn from_event(e: &Event, hash: &str, states: &States) -> EventRecord {
        EventRecord {
            id: 0,
            story_id: e.story_id.clone(),
            story_hash: hash.to_string(),
            story_date: e.story_date,
            sentence: e.sentence as i64,
            source: e.source.clone(),
            target: e.target.clone(),
            source_state: states.from_actor(&e.source).map(|s| s.cameo.clone()),
            target_state: states.from_actor(&e.target).map(|s| s.cameo.clone()),
            cameo: e.cameo.clone(),
            root: e.root.clone(),
            plover: e.plover.clone(),
            // The table's scores have one decimal; f32 → f64 must not add noise.
            goldstein: e.goldstein.map(|g| (f64::from(g) * 100.0).round() / 100.0),
            quad_class: e.quad_class.map(i64::from),
            date: e.date,
            date_end: e.date_end,
            date_precision: e.date_precision.to_string(),
            date_text: e.date_text.clone(),
            modality: e.modality.clone(),
            text: e.text.clone(),
            spans: Spans {
                source: e.spans.source,
                target: e.spans.target,
                verb: e.spans.verb,
            },
        }
    }
}

/// `YYYYMMDD`.
pub(crate) fn date_int(d: Date) -> i64 {
    let (y, m, day) = d.ymd();
    y as i64 * 10_000 + m as i64 * 100 + day as i64
}

/// Inverse of [`date_int`].
pub(crate) fn int_date(v: i64) -> Result<Date, crate::StoreError> {
    // Euclidean division, so that years before 1 (a story dated 0000 that
    // says "last year") decode as they were encoded.
    let (year, rest) = (v.div_euclid(10_000), v.rem_euclid(10_000));
    Date::from_ymd(year as i32, (rest / 100) as u32, (rest % 100) as u32)
        .ok_or_else(|| crate::StoreError::Corrupt(format!("date `{v}`")))
}
