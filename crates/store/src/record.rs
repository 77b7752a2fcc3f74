//! What the store keeps: stories and events as rows.

use serde::Serialize;
use sha2::{Digest, Sha256};
use statecraft_text::Story;
use statecraft_types::Date;

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

/// `YYYYMMDD`.
pub(crate) fn date_int(d: Date) -> i64 {
    let (y, m, day) = d.ymd();
    y as i64 * 10_000 + m as i64 * 100 + day as i64
}

/// Inverse of [`date_int`]; a value that is not a date in 0001–9999 is
/// corrupt.
pub(crate) fn int_date(v: i64) -> Result<Date, crate::StoreError> {
    let (year, rest) = (v.div_euclid(10_000), v.rem_euclid(10_000));
    i32::try_from(year)
        .ok()
        .and_then(|y| Date::from_ymd(y, (rest / 100) as u32, (rest % 100) as u32))
        .ok_or_else(|| crate::StoreError::Corrupt(format!("date `{v}`")))
}
