//! Facts about ties: what a source says about a pair of states, from when,
//! and on whose authority.

use serde::Serialize;
pub use statecraft_types::{Precision, When};
use std::fmt;

/// The diplomatic status of a pair of states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// No formal diplomatic relations.
    None,
    /// Relations established.
    Established,
    /// Relations in place but suspended.
    Suspended,
    /// Relations broken off.
    Severed,
    /// Relations restored after a break or suspension.
    Restored,
    /// A relationship the parties do not count as foreign relations,
    /// such as the two Koreas' (shown apart, never as a missing tie).
    Special,
}

impl Status {
    /// Every status, in declaration order.
    pub const ALL: [Status; 6] = [
        Status::None,
        Status::Established,
        Status::Suspended,
        Status::Severed,
        Status::Restored,
        Status::Special,
    ];

    /// The lowercase name used in files and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::None => "none",
            Status::Established => "established",
            Status::Suspended => "suspended",
            Status::Severed => "severed",
            Status::Restored => "restored",
            Status::Special => "special",
        }
    }

    /// Parses [`Status::as_str`]'s names.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// Whether the pair has working formal ties.
    pub fn has_ties(self) -> bool {
        matches!(self, Status::Established | Status::Restored)
    }

    /// Statuses that say the same thing about having ties: established
    /// and restored agree; none and severed agree.
    fn class(self) -> u8 {
        match self {
            Status::Established | Status::Restored => 0,
            Status::None | Status::Severed => 1,
            Status::Suspended => 2,
            Status::Special => 3,
        }
    }

    /// Whether two statuses disagree about the pair's ties.
    pub fn disagrees(self, other: Status) -> bool {
        self.class() != other.class()
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a fact's date means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Start {
    /// The status began on the date ("ties since 1966").
    Since,
    /// The status was observed on the date; when it began is unknown
    /// ("as of 2024-02-14 Seoul had ties with ...").
    AsOf,
}

impl Start {
    /// The name used in files and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Start::Since => "since",
            Start::AsOf => "as_of",
        }
    }

    /// Parses [`Start::as_str`]'s names.
    pub fn parse(s: &str) -> Option<Start> {
        match s {
            "since" => Some(Start::Since),
            "as_of" => Some(Start::AsOf),
            _ => None,
        }
    }
}

/// Where a fact comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Provenance {
    /// A record of imported reference data.
    Reference {
        /// The source as the record names it (dataset, document).
        source: String,
        /// The record within the imported file (`file:line` or an id).
        record: String,
    },
    /// A coded event.
    Event {
        /// The story's identifier.
        story_id: String,
        /// The story's content hash.
        story_hash: String,
        /// 0-based sentence index.
        sentence: u32,
        /// The event's CAMEO code.
        cameo: String,
        /// The evidence sentence.
        text: String,
    },
}

impl Provenance {
    /// The source a fact is grouped under when sources are compared: the
    /// reference's name, or `coded events` for all events.
    pub fn source_key(&self) -> &str {
        match self {
            Provenance::Reference { source, .. } => source,
            Provenance::Event { .. } => "coded events",
        }
    }

    /// A one-line description.
    pub fn describe(&self) -> String {
        match self {
            Provenance::Reference { source, record } => format!("{source} ({record})"),
            Provenance::Event {
                story_id,
                sentence,
                cameo,
                ..
            } => format!("event {cameo} in story {story_id}, sentence {sentence}"),
        }
    }
}

/// A statement about a pair of states' ties.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TieFact {
    /// One state's CAMEO code; always the lesser of the pair.
    pub a: String,
    /// The other state.
    pub b: String,
    /// The status stated.
    pub status: Status,
    /// From when.
    pub from: When,
    /// Whether the status began then or was observed then.
    pub start: Start,
    /// When it ended, if the source says so (the last day it held).
    pub to: Option<When>,
    /// Who says so.
    pub provenance: Provenance,
}

impl TieFact {
    /// A fact about `x` and `y` in either order; stored with `a < b`.
    pub fn new(
        x: &str,
        y: &str,
        status: Status,
        from: When,
        start: Start,
        to: Option<When>,
        provenance: Provenance,
    ) -> TieFact {
        let (a, b) = if x <= y { (x, y) } else { (y, x) };
        TieFact {
            a: a.to_string(),
            b: b.to_string(),
            status,
            from,
            start,
            to,
            provenance,
        }
    }

    /// The other state of the pair.
    pub fn partner(&self, state: &str) -> &str {
        if self.a == state {
            &self.b
        } else {
            &self.a
        }
    }
}

/// A statement that a state opened or closed its embassy in another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmbassyFact {
    /// The sending state.
    pub sender: String,
    /// The host state.
    pub host: String,
    /// Opened (true) or closed (false).
    pub open: bool,
    /// When.
    pub from: When,
    /// Who says so.
    pub provenance: Provenance,
}
