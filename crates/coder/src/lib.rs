//! The event coder: who did what to whom, coded from raw text with
//! TABARI's pattern semantics over TABARI, PETRARCH or Phoenix
//! dictionaries.
//!
//! ```
//! use statecraft_coder::{Coder, Options};
//! use statecraft_dict::{Dialect, Loader};
//! use statecraft_text::{Date, Layout, Origin, Story};
//!
//! let mut loader = Loader::new();
//! loader.actors("ARNOR [ARN]\nGONDOR [GON]\n", "a", Dialect::Tabari);
//! loader.verbs("RESTOR [064]\n- * DIPLOMATIC [064]\n", "v", Dialect::Tabari);
//! let (dict, _) = loader.finish();
//! let coder = Coder::new(dict, Options::tabari());
//! let story = Story {
//!     id: "DEMO-01".into(),
//!     date: Date::from_ymd(1995, 1, 1).unwrap(),
//!     title: None,
//!     text: "Arnor is about to restore full diplomatic ties with Gondor.".into(),
//!     origin: Origin { file: "-".into(), line: 1 },
//!     layout: Layout::Sentence,
//! };
//! let events = coder.code_story(&story);
//! assert_eq!((events[0].source.as_str(), events[0].target.as_str(), events[0].cameo.as_str()), ("ARN", "GON", "064"));
//! assert_eq!(&story.text[..5], "Arnor");
//! assert_eq!(events[0].spans.source, Some([0, 5]));
//! ```

mod analysis;
mod arguments;
mod dating;
pub mod dedup;
mod doers;
mod engine;
pub mod explain;
mod filters;
mod grammar;
mod implied;
mod infer;
mod names;
mod options;
mod places;
mod sentence;
mod session;
mod trials;
mod wire;

pub use options::{CodeBy, CommaLimits, Complexity, Forward, Options};
pub use session::{Interrupt, Interrupted, Session, MAX_SENTENCE_CHARS};
pub use statecraft_types::{
    ActorCode, ActorOrigin, ActorSource, Evidence, Modality, Precision, Spans,
};

use serde::Serialize;
use statecraft_dict::{Dictionary, PhraseIndex};
use statecraft_text::{Date, Story};
use statecraft_types::Location;

/// What a story yields: events, statements of a change of role, and
/// notes on what the coder could not read in full.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coded {
    /// The events.
    pub events: Vec<Event>,
    /// "assumed power as interim president" and the like.
    pub roles: Vec<RoleChange>,
    /// What was cut or skipped (an overlong sentence), in sentence order.
    pub notes: Vec<Note>,
}

/// Something the coder did not read in full.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Note {
    /// 0-based sentence index.
    pub sentence: usize,
    /// What happened.
    pub message: String,
}

/// A statement that an actor took up or left a role, for the world model.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoleChange {
    /// Story identifier.
    pub story_id: String,
    /// 0-based sentence index within the story.
    pub sentence: usize,
    /// The actor as written ("Ahmed al-Sharaa").
    pub actor: String,
    /// The actor's codes before the change, as of the date.
    pub actor_codes: Vec<ActorCode>,
    /// The role as written ("interim president").
    pub role: String,
    /// The code the role gives ("SYRGOV").
    pub code: ActorCode,
    /// `start` or `end`.
    pub change: &'static str,
    /// When the change happened (first day).
    pub date: Date,
    /// Last day of the date range.
    pub date_end: Date,
    /// `day`, `month`, `year` or `story`.
    pub date_precision: Precision,
    /// The words the date came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
    /// The sentence.
    pub text: String,
    /// Character offsets of the evidence in `text`.
    pub spans: RoleSpans,
}

/// Character offsets `[start, end)` of a role change's parts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RoleSpans {
    /// The actor.
    pub actor: [usize; 2],
    /// The role.
    pub role: [usize; 2],
    /// The words stating the change ("assumed power as").
    pub trigger: [usize; 2],
}

/// A coded event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// Story identifier.
    pub story_id: String,
    /// 0-based sentence index within the story.
    pub sentence: usize,
    /// Source actor code.
    pub source: ActorCode,
    /// Target actor code.
    pub target: ActorCode,
    /// CAMEO event code as written in the dictionary ("010" ≠ "10").
    pub cameo: String,
    /// CAMEO root (first two digits), when the code is CAMEO.
    pub root: Option<String>,
    /// PLOVER event category.
    pub plover: Option<String>,
    /// Goldstein score.
    pub goldstein: Option<f32>,
    /// GDELT QuadClass 1–4.
    pub quad_class: Option<u8>,
    /// Publication date of the story.
    pub story_date: Date,
    /// When the event happened: the first day of `date_precision`'s range
    /// (the story date unless the text dates the event).
    pub date: Date,
    /// Last day of the event's date range, inclusive.
    pub date_end: Date,
    /// `day`, `month` or `year`; `story` when nothing in the text dates
    /// the event and it keeps the story date.
    pub date_precision: Precision,
    /// The words the date came from ("from Feb. 5 to 7", "in December").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
    /// The sentence.
    pub text: String,
    /// Evidence spans in `text`.
    pub spans: Spans,
    /// Set when the source's code was inferred from the story.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_actor: Option<ActorOrigin>,
    /// Set when the target's code was inferred from the story.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_actor: Option<ActorOrigin>,
    /// The verb pattern that matched, if any.
    pub pattern: Option<String>,
    /// `intended` for plans and intentions coded with CAMEO intent codes
    /// ("plans to", "will visit"); `hypothetical` for conditionals, modal
    /// verbs and questions ("could isolate", "if realized"); `negated` for
    /// "did not meet", "has yet to meet". Absent when the event happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// Where it happened (statecraft reading): a place the sentence
    /// names, or the story's dateline; null when neither says.
    pub location: Option<Location>,
}

impl Event {
    /// Whether the text reports the event as having happened or as
    /// intended, rather than as hypothetical or negated.
    pub fn happened_or_intended(&self) -> bool {
        Modality::happened_or_intended(self.modality)
    }
}

/// Codes stories with one set of dictionaries.
///
/// A `Coder` is immutable once built: it is `Sync`, and one coder serves
/// many threads. What changes while a batch is read (option switches found
/// in the input, TABARI's FORWARD state) lives in a [`Session`].
pub struct Coder {
    dict: Dictionary,
    index: PhraseIndex,
    /// For each verb, the verbs with the same form (itself first).
    families: Vec<Vec<u32>>,
    /// Pattern indexes, one per block.
    blocks: Vec<sentence::BlockIndex>,
    /// Discard phrases.
    discards: PhraseIndex,
    /// Words naming places.
    places: names::PlaceWords,
    options: Options,
}

impl Coder {
    /// A coder over `dict` with `options`; TABARI `.options` lines kept in
    /// the dictionary are applied on top.
    pub fn new(dict: Dictionary, options: Options) -> Coder {
        let index = dict.index();
        let mut options = options;
        for line in &dict.options {
            options.apply_tabari(line);
        }
        let families = verb_families(&dict);
        let blocks = dict
            .blocks
            .iter()
            .map(sentence::BlockIndex::build)
            .collect();
        let discards = PhraseIndex::discards(&dict);
        let places = names::place_words(&dict, statecraft_world::States::bundled());
        Coder {
            places,
            families,
            blocks,
            discards,
            dict,
            index,
            options,
        }
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The dictionaries.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    /// A session for a batch read in order: it applies the batch's option
    /// switches to the stories after them and carries FORWARD state.
    pub fn session(&self) -> Session<'_> {
        Session::new(self)
    }

    /// Codes one story with the coder's own options.
    pub fn code_story(&self, story: &Story) -> Vec<Event> {
        self.code(story).events
    }

    /// Codes one story: its events, the changes of role it states, and
    /// notes on what could not be read in full.
    pub fn code(&self, story: &Story) -> Coded {
        self.session().code(story)
    }

    /// As [`Coder::code`], but gives up between sentences once `interrupt`
    /// fires (a deadline passed, or the caller cancelled).
    pub fn code_until(&self, story: &Story, interrupt: &Interrupt) -> Result<Coded, Interrupted> {
        self.session().code_until(story, interrupt)
    }

    fn lexicon(&self) -> sentence::Lexicon<'_> {
        sentence::Lexicon {
            dict: &self.dict,
            index: &self.index,
            families: &self.families,
            blocks: &self.blocks,
            discards: &self.discards,
            places: &self.places,
        }
    }
}

/// The date of each event of sentence `si` (see [`dating`]), from the
/// sentence's characters and date expressions.
fn event_dates(
    chars: &[char],
    whens: &[statecraft_text::DateExpr],
    toks: &[statecraft_text::Token],
    story_date: Date,
    si: usize,
    events: &[sentence::RawEvent],
    narrative: &Option<(usize, dating::EventDate)>,
) -> Vec<dating::EventDate> {
    let during = dating::during(toks);
    events
        .iter()
        .map(|e| {
            let verb = [toks[e.verb_tokens.0].start, toks[e.verb_tokens.1].end];
            if let Some(w) = dating::governing(chars, whens, verb) {
                return dating::EventDate::from_when(w);
            }
            if let Some((ns, d)) = narrative {
                let intended_now =
                    e.modality.is_some() && !dating::past_tense(toks, e.verb_tokens.0);
                if during
                    || (si <= ns + 2 && !intended_now && dating::past_tense(toks, e.verb_tokens.0))
                {
                    return d.clone();
                }
            }
            dating::EventDate::story(story_date)
        })
        .collect()
}

/// The inference behind the actor at `tokens`, if it was inferred.
fn origin(inferred: &[infer::Inferred], tokens: Option<(usize, usize)>) -> Option<ActorOrigin> {
    let (a, b) = tokens?;
    inferred
        .iter()
        .find(|i| i.first <= a && b <= i.last || (a <= i.first && i.last <= b))
        .map(|i| ActorOrigin {
            actor_source: ActorSource::Inferred,
            evidence: i.evidence.clone(),
        })
}

/// Groups verbs that share a form, so a verb listed in several blocks
/// gets the patterns of all of them. A family lists the verbs of later
/// files first (an overlay over the file it amends), then in dictionary
/// order: its first code, and its first pattern of a length, win.
fn verb_families(dict: &Dictionary) -> Vec<Vec<u32>> {
    let mut by_form: std::collections::HashMap<String, Vec<u32>> = std::collections::HashMap::new();
    for (i, v) in dict.verbs.iter().enumerate() {
        for f in &v.forms {
            let ids = by_form.entry(f.display()).or_default();
            if !ids.contains(&(i as u32)) {
                ids.push(i as u32);
            }
        }
    }
    (0..dict.verbs.len())
        .map(|i| {
            let mut fam = vec![i as u32];
            if let Some(first) = dict.verbs[i].forms.first() {
                for &j in &by_form[&first.display()] {
                    if j as usize != i && dict.verbs[j as usize].kind == dict.verbs[i].kind {
                        fam.push(j);
                    }
                }
            }
            // Stable: within a file, the verb itself, then the others.
            fam.sort_by_key(|&j| std::cmp::Reverse(dict.verbs[j as usize].file));
            fam
        })
        .collect()
}
