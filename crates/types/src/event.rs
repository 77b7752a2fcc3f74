//! What a coded event says, as the store keeps it and every reader of the
//! store (queries, API, exports) sees it.

use crate::place::Location;
use crate::{ActorCode, Date, Precision};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Whether the text reports an event as having happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// A plan or intention, coded with a CAMEO intent code ("plans to",
    /// "will visit").
    Intended,
    /// A conditional, a modal verb or a question ("could isolate", "if
    /// realized").
    Hypothetical,
    /// Denied or not yet done ("did not meet", "has yet to meet").
    Negated,
}

impl Modality {
    /// Every modality, in declaration order.
    pub const ALL: [Modality; 3] = [
        Modality::Intended,
        Modality::Hypothetical,
        Modality::Negated,
    ];

    /// The lowercase name used in output and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Intended => "intended",
            Modality::Hypothetical => "hypothetical",
            Modality::Negated => "negated",
        }
    }

    /// Parses [`Modality::as_str`]'s names.
    ///
    /// ```
    /// use statecraft_types::Modality;
    /// assert_eq!(Modality::parse("negated"), Some(Modality::Negated));
    /// assert_eq!(Modality::parse("maybe"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Modality> {
        Modality::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// Whether an event with this modality (`None`: it happened) is
    /// reported as having happened or as intended, rather than as
    /// hypothetical or negated.
    pub fn happened_or_intended(modality: Option<Modality>) -> bool {
        !matches!(modality, Some(Modality::Hypothetical | Modality::Negated))
    }
}

impl fmt::Display for Modality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Character offsets `[start, end)` in an event's evidence sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Spans {
    /// The source actor.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Vec<u64>>))]
    pub source: Option<[usize; 2]>,
    /// The target actor.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Vec<u64>>))]
    pub target: Option<[usize; 2]>,
    /// The verb (or eventive noun).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Vec<u64>>))]
    pub verb: Option<[usize; 2]>,
}

/// The words of a story that justified an inferred actor code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evidence {
    /// 0-based index of the sentence holding the evidence.
    pub sentence: usize,
    /// Character offsets of the evidence in that sentence.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<u64>))]
    pub span: [usize; 2],
    /// The evidence itself ("Syria's interim foreign minister").
    pub text: String,
}

/// How an actor's code was found, when not in a dictionary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum ActorSource {
    /// From the story's own words (an appositive, a role phrase, the
    /// story's home country).
    Inferred,
}

/// Where an actor's code came from, when not from a dictionary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActorOrigin {
    /// How the code was found.
    pub actor_source: ActorSource,
    /// The words that justified the code.
    pub evidence: Evidence,
}

/// An event as stored and queried: everything `statecraft code` prints
/// for it, plus the story's content hash, the actors' states and a row id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    pub source: ActorCode,
    /// Target actor code.
    pub target: ActorCode,
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
    /// How precisely the text dated it (`story`: it did not).
    pub date_precision: Precision,
    /// The words the date came from.
    pub date_text: Option<String>,
    /// Absent when it happened; `intended` for intentions.
    pub modality: Option<Modality>,
    /// The evidence sentence.
    pub text: String,
    /// Spans in it.
    pub spans: Spans,
    /// The verb pattern that matched, if any.
    pub pattern: Option<String>,
    /// Set when the source's code was inferred from the story.
    pub source_actor: Option<ActorOrigin>,
    /// Set when the target's code was inferred from the story.
    pub target_actor: Option<ActorOrigin>,
    /// Where it happened, when the text says.
    pub location: Option<Location>,
}

impl EventRecord {
    /// A record holding only its story, date, sentence text and code:
    /// actors `---`, no spans, no states, dated by the story. For tools
    /// and tests that make events by hand and fill in what they need.
    ///
    /// ```
    /// use statecraft_types::{Date, EventRecord, Precision};
    /// let d = Date::from_ymd(2025, 2, 11).unwrap();
    /// let mut e = EventRecord::bare("s1", d, "Seoul met Damascus.", "040");
    /// e.source = "KOR".into();
    /// assert_eq!((e.date, e.date_precision), (d, Precision::Story));
    /// ```
    pub fn bare(story_id: &str, date: Date, text: &str, cameo: &str) -> EventRecord {
        EventRecord {
            id: 0,
            story_id: story_id.to_string(),
            story_hash: String::new(),
            story_date: date,
            sentence: 0,
            source: ActorCode::unknown(),
            target: ActorCode::unknown(),
            source_state: None,
            target_state: None,
            cameo: cameo.to_string(),
            root: None,
            plover: None,
            goldstein: None,
            quad_class: None,
            date,
            date_end: date,
            date_precision: Precision::Story,
            date_text: None,
            modality: None,
            text: text.to_string(),
            spans: Spans::default(),
            pattern: None,
            source_actor: None,
            target_actor: None,
            location: None,
        }
    }
}
