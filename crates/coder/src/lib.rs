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
//! let mut coder = Coder::new(dict, Options::tabari());
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

#![warn(missing_docs)]

mod analysis;
mod dating;
pub mod dedup;
mod engine;
mod infer;
mod options;
mod sentence;

pub use infer::Evidence;
pub use options::{CodeBy, CommaLimits, Complexity, Forward, Options};

use sentence::{code_sentence, SentenceInput};
use serde::Serialize;
use statecraft_dict::{Dictionary, PhraseIndex};
use statecraft_text::{split_sentences, Date, Directive, Layout, Story};

/// Character offsets `[start, end)` in the event's `text`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Spans {
    /// The source actor.
    pub source: Option<[usize; 2]>,
    /// The target actor.
    pub target: Option<[usize; 2]>,
    /// The verb.
    pub verb: Option<[usize; 2]>,
}

/// What a story yields: events, and statements of a change of role.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coded {
    /// The events.
    pub events: Vec<Event>,
    /// "assumed power as interim president" and the like.
    pub roles: Vec<RoleChange>,
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
    pub actor_codes: Vec<String>,
    /// The role as written ("interim president").
    pub role: String,
    /// The code the role gives ("SYRGOV").
    pub code: String,
    /// `start` or `end`.
    pub change: &'static str,
    /// When the change happened (first day).
    pub date: Date,
    /// Last day of the date range.
    pub date_end: Date,
    /// `day`, `month`, `year` or `story`.
    pub date_precision: &'static str,
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

/// Where an actor's code came from, when not from a dictionary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActorOrigin {
    /// `inferred`: from the story's own words.
    pub actor_source: &'static str,
    /// The words that justified the code.
    pub evidence: Evidence,
}

/// A coded event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// Story identifier.
    pub story_id: String,
    /// 0-based sentence index within the story.
    pub sentence: usize,
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
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
    pub date_precision: &'static str,
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
    pub modality: Option<String>,
}

impl Event {
    /// Whether the text reports the event as having happened or as
    /// intended, rather than as hypothetical or negated.
    pub fn happened_or_intended(&self) -> bool {
        !matches!(self.modality.as_deref(), Some("hypothetical" | "negated"))
    }
}

/// Codes stories with one set of dictionaries.
pub struct Coder {
    dict: Dictionary,
    index: PhraseIndex,
    /// For each verb, the verbs with the same form (itself first).
    families: Vec<Vec<u32>>,
    /// Pattern indexes, one per block.
    blocks: Vec<sentence::BlockIndex>,
    /// Discard phrases.
    discards: PhraseIndex,
    options: Options,
    /// FORWARD state: (story number, sentence number, first actor).
    previous: Option<(String, u32, Vec<String>)>,
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
        Coder {
            families,
            blocks,
            discards,
            dict,
            index,
            options,
            previous: None,
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

    /// Applies an option switch found in the input; returns whether it was
    /// understood.
    pub fn apply(&mut self, directive: &Directive) -> bool {
        match directive {
            Directive::Tabari(cmd) => self.options.apply_tabari(cmd),
            Directive::Petrarch { option, value } => self.options.apply_petrarch(option, value),
        }
    }

    /// Codes one story.
    pub fn code_story(&mut self, story: &Story) -> Vec<Event> {
        self.code(story).events
    }

    /// Codes one story: its events, and the changes of role it states.
    pub fn code(&mut self, story: &Story) -> Coded {
        let mut events = Vec::new();
        let mut roles = Vec::new();
        let sentences: Vec<&str> = match story.layout {
            Layout::Sentence => vec![story.text.trim()],
            Layout::Prose => split_sentences(&story.text)
                .iter()
                .map(|s| &story.text[s.start..s.end])
                .collect(),
        };
        let mut memory = sentence::StoryMemory::default();
        let numbers = self
            .options
            .forward
            .as_ref()
            .and_then(|f| f.numbers(&story.id));
        let dating = self.options.statecraft;
        // The story's latest dated event: (sentence, date).
        let mut narrative: Option<(usize, dating::EventDate)> = None;
        for (si, text) in sentences.iter().enumerate() {
            let forwarded = match (&numbers, &self.previous) {
                (Some((story_no, sent_no)), Some((ps, pn, actor)))
                    if si == 0 && ps == story_no && *pn + 1 == *sent_no =>
                {
                    Some(actor.clone())
                }
                _ => None,
            };
            let mut input = SentenceInput {
                text,
                date: story.date,
                forwarded: forwarded.as_deref(),
            };
            let lexicon = sentence::Lexicon {
                dict: &self.dict,
                index: &self.index,
                families: &self.families,
                blocks: &self.blocks,
                discards: &self.discards,
            };
            memory.sentence = si;
            let before = dating.then(|| memory.clone());
            let mut res = code_sentence(&input, lexicon, &self.options, &mut memory);
            let toks = statecraft_text::tokenize(text);
            let span = |t: (usize, usize)| [toks[t.0].start, toks[t.1].end];
            let mut dates: Vec<dating::EventDate> = Vec::new();
            // The sentence's date expressions and characters, found once
            // for the event dates, the re-coding and the role changes.
            let whens = if dating {
                statecraft_text::find_dates(text, story.date)
            } else {
                Vec::new()
            };
            let chars_cell = std::cell::OnceCell::new();
            let chars =
                || -> &[char] { chars_cell.get_or_init(|| text.chars().collect::<Vec<char>>()) };
            // Nothing coded as of the story date, but the sentence is dated:
            // who the actors were then may make an event ("the militant
            // group Hayat Tahrir al-Sham ... in November", before it ruled).
            if dating && res.events.is_empty() && res.time_varying {
                let moved = whens.iter().find(|w| w.start != story.date);
                if let (Some(w), Some(m)) = (moved, before.clone()) {
                    memory = m;
                    input.date = w.start;
                    res = code_sentence(&input, lexicon, &self.options, &mut memory);
                }
            }
            if dating && !res.events.is_empty() {
                dates = event_dates(
                    chars(),
                    &whens,
                    &toks,
                    story.date,
                    si,
                    &res.events,
                    &narrative,
                );
                // Actors are who they were when the event happened: code
                // again at the event's date when the text moves it.
                if let Some(d) = dates.iter().find(|d| !d.is_story()) {
                    if d.start != input.date && res.time_varying {
                        if let Some(m) = before {
                            memory = m;
                        }
                        input.date = d.start;
                        res = code_sentence(&input, lexicon, &self.options, &mut memory);
                        dates = event_dates(
                            chars(),
                            &whens,
                            &toks,
                            story.date,
                            si,
                            &res.events,
                            &narrative,
                        );
                    }
                }
                // The narrative's date moves with events that happened.
                if let Some((d, _)) = dates
                    .iter()
                    .zip(&res.events)
                    .rev()
                    .find(|(d, e)| !d.is_story() && e.modality != Some("hypothetical"))
                {
                    narrative = Some((si, d.clone()));
                }
            }
            if si == 0 {
                if let (Some((s, n)), Some(actor)) = (&numbers, &res.first_actor) {
                    self.previous = Some((s.clone(), *n, actor.clone()));
                } else if numbers.is_some() {
                    self.previous = None;
                }
            }
            if !res.roles.is_empty() {
                let chars = chars();
                for r in &res.roles {
                    let piece = |(a, b): (usize, usize)| -> (String, [usize; 2]) {
                        let span = [toks[a].start, toks[b].end];
                        (chars[span[0]..span[1]].iter().collect(), span)
                    };
                    let trigger = piece(r.trigger).1;
                    let when = dating::governing(chars, &whens, trigger)
                        .map(dating::EventDate::from_when)
                        .unwrap_or_else(|| dating::EventDate::story(story.date));
                    let (actor, actor_span) = piece(r.actor);
                    let (role, role_span) = piece(r.role);
                    roles.push(RoleChange {
                        story_id: story.id.clone(),
                        sentence: si,
                        actor,
                        actor_codes: r.actor_codes.clone(),
                        role,
                        code: r.code.clone(),
                        change: r.change,
                        date: when.start,
                        date_end: when.end,
                        date_precision: when.precision,
                        date_text: when.text,
                        text: text.to_string(),
                        spans: RoleSpans {
                            actor: actor_span,
                            role: role_span,
                            trigger,
                        },
                    });
                }
            }
            for (k, e) in res.events.into_iter().enumerate() {
                let onto = statecraft_ontology::resolve(&e.code);
                let when = dates.get(k).cloned().unwrap_or_else(|| {
                    let d = story.date.add_days(res.shift);
                    dating::EventDate::story(d)
                });
                events.push(Event {
                    story_id: story.id.clone(),
                    sentence: si,
                    source: e.source,
                    target: e.target,
                    root: onto.map(|r| r.event.root.to_string()),
                    plover: onto.and_then(|r| r.event.plover.map(str::to_string)),
                    goldstein: onto.and_then(|r| r.event.goldstein),
                    quad_class: onto.map(|r| r.event.quad_class.number()),
                    cameo: e.code,
                    story_date: story.date,
                    date: when.start,
                    date_end: when.end,
                    date_precision: when.precision,
                    date_text: when.text,
                    text: text.to_string(),
                    spans: Spans {
                        source: e.source_tokens.map(span),
                        target: e.target_tokens.map(span),
                        verb: Some(span(e.verb_tokens)),
                    },
                    source_actor: origin(&res.inferred, e.source_tokens),
                    target_actor: origin(&res.inferred, e.target_tokens),
                    pattern: e.pattern,
                    modality: e.modality.map(str::to_string),
                });
            }
        }
        if self.options.statecraft {
            dedup::within_story(&mut events);
        }
        Coded { events, roles }
    }
}

/// The date of each event of sentence `si` (see [`dating`]), from the
/// sentence's characters and date expressions.
fn event_dates(
    chars: &[char],
    whens: &[statecraft_text::When],
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
            actor_source: "inferred",
            evidence: i.evidence.clone(),
        })
}

/// Groups verbs that share a form, so a verb listed in several blocks
/// gets the patterns of all of them.
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
            fam
        })
        .collect()
}
