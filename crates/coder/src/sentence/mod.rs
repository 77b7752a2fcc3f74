//! Coding one sentence: from tokens to events.
//!
//! A reading is a pipeline of named stages, each in a module of its own,
//! run in this order by [`code_sentence`]:
//!
//! 1. [`lex`] (stage grammar): the sentence's lexemes, read again without
//!    the dictionary verbs the parse reads as nouns (statecraft reading);
//! 2. [`discard`]: the dictionaries' discard phrases;
//! 3. [`actors`]: actors inferred from the story, places, seats, story
//!    context (statecraft reading); PETRARCH's noun phrases, or agents;
//! 4. [`units`]: compounds, protected conjunctions and commas, dropped
//!    comma clauses, and the actor units;
//! 5. [`time`]: `<TIME>` phrases shift the date, or set the sentence aside;
//! 6. [`visible`]: the tokens the dropped clauses leave, and the clause
//!    bounds each reading draws on them;
//! 7. [`clause`]: each clause's verbs resolved to codes ([`resolve`]), the
//!    events bound to actors ([`bind`], with the parse's [`roles`], paired
//!    in [`pairs`]) and their [`modality`];
//! 8. [`finish`]: subordinate and dominant codes, complexity rules, token
//!    positions in the original sentence, and the statecraft filters.
//!
//! [`memory`] keeps what a story teaches the coder from one sentence to
//! the next.

mod actors;
mod bind;
mod clause;
mod discard;
mod doers;
mod finish;
mod lex;
mod memory;
mod modality;
mod pairs;
mod resolve;
mod roles;
mod time;
mod units;
mod visible;

pub(crate) use lex::first_country;
pub(crate) use memory::StoryMemory;
pub(crate) use resolve::BlockIndex;

use crate::explain::SentenceTrace;
use crate::infer::{self, Inferred};
use crate::names::PlaceWords;
use crate::options::Options;
use statecraft_dict::{Dictionary, PhraseIndex};
use statecraft_text::{Date, Token};
use statecraft_types::{ActorCode, Modality};
use std::cell::RefCell;

/// One coded event, positions in original tokens.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RawEvent {
    pub source: ActorCode,
    pub target: ActorCode,
    pub code: String,
    pub source_tokens: Option<(usize, usize)>,
    pub target_tokens: Option<(usize, usize)>,
    pub verb_tokens: (usize, usize),
    pub pattern: Option<String>,
    pub subordinate: bool,
    pub dominant: bool,
    /// Intended for plans and intentions coded as CAMEO intents.
    pub modality: Option<Modality>,
}

/// What became of a sentence.
#[derive(Clone, Debug, Default)]
pub(crate) struct SentenceResult {
    pub events: Vec<RawEvent>,
    pub discarded: bool,
    pub complex: bool,
    /// Day offset from `<TIME>` phrases.
    pub shift: i32,
    /// First non-pronoun actor (base code), for FORWARD.
    pub first_actor: Option<Vec<ActorCode>>,
    /// Actors inferred from the story rather than a dictionary.
    pub inferred: Vec<Inferred>,
    /// Statements of a change of role.
    pub roles: Vec<infer::RawRole>,
    /// Whether coding at another date could change actor codes.
    pub time_varying: bool,
    /// The sentence's parse, where stage `grammar` made one and the
    /// sentence has events (statecraft reading), for stage `places`.
    pub parse: Option<statecraft_syntax::Parse>,
}

#[derive(Clone, Copy)]
pub(crate) struct SentenceInput<'a> {
    pub text: &'a str,
    pub date: Date,
    /// Actor carried from the previous record (FORWARD).
    pub forwarded: Option<&'a [ActorCode]>,
    /// Where to record why the sentence was coded as it was (`explain`).
    pub trace: Option<&'a RefCell<SentenceTrace>>,
}

/// Everything compiled from the dictionaries that coding reads.
#[derive(Clone, Copy)]
pub(crate) struct Lexicon<'a> {
    pub dict: &'a Dictionary,
    pub index: &'a PhraseIndex,
    /// For each verb, the verbs sharing its form.
    pub families: &'a [Vec<u32>],
    pub blocks: &'a [BlockIndex],
    pub discards: &'a PhraseIndex,
    /// Words that name places, never learnt as short names.
    pub places: &'a PlaceWords,
}

/// One sentence being coded, with what every stage reads: the input, the
/// dictionaries, the options, and the sentence's tokens and their texts.
#[derive(Clone, Copy)]
struct Sentence<'s> {
    input: &'s SentenceInput<'s>,
    lexicon: Lexicon<'s>,
    opts: &'s Options,
    toks: &'s [Token],
    texts: &'s [&'s str],
}

/// Why a stage set the whole sentence aside.
#[derive(Clone, Copy, Debug)]
enum Aside {
    /// A discard phrase or code: the sentence is not coded.
    Discarded,
    /// A complexity code or rule: the sentence is too complex to code.
    Complex,
}

impl Aside {
    /// The sentence's result as set aside: `res` (what the stages before
    /// found) marked discarded or complex.
    fn mark(self, mut res: SentenceResult) -> SentenceResult {
        match self {
            Aside::Discarded => res.discarded = true,
            Aside::Complex => res.complex = true,
        }
        res
    }
}

/// Codes one sentence: runs the reading's stages in order, each of which
/// may set the sentence aside (discarded or too complex).
pub(crate) fn code_sentence(
    input: &SentenceInput<'_>,
    lexicon: Lexicon<'_>,
    opts: &Options,
    memory: &mut StoryMemory,
) -> SentenceResult {
    let mut res = SentenceResult::default();
    let toks: Vec<Token> = statecraft_text::tokenize(input.text);
    if toks.is_empty() || toks.len() < opts.min_words {
        return res;
    }
    let texts: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    if let Some(t) = input.trace.filter(|_| opts.statecraft) {
        crate::explain::parse(&mut t.borrow_mut(), input.text);
    }
    let s = Sentence {
        input,
        lexicon,
        opts,
        toks: &toks,
        texts: &texts,
    };
    let lex::Lexed {
        mut lx,
        flags,
        grammar,
    } = lex::lex(&s);
    res.time_varying = flags.dated_actor;
    if let Err(aside) = discard::check(&s) {
        return aside.mark(res);
    }
    let context = actors::actors(&s, &mut lx, grammar.as_ref(), memory, &mut res);
    let units = units::units(&s, &lx);
    match time::shift(&s, &lx) {
        Ok(Some(days)) => res.shift = days,
        Ok(None) => {}
        Err(aside) => return aside.mark(res),
    }
    if flags.discard {
        skip(input, "an actor coded as discard");
        return Aside::Discarded.mark(res);
    }
    let view = visible::Visible::new(&s, &lx, units);
    let present = resolve::present(&view.vtexts);
    let ctx = bind::Ctx::new(
        &view,
        opts,
        context.as_deref(),
        grammar.as_ref(),
        input.trace,
    );
    let clauses = clause::ClauseCoder::new(&s, &view, &present, &ctx, grammar.as_ref());
    let mut coded = match clauses.code() {
        Ok(coded) => coded,
        Err(aside) => return aside.mark(res),
    };
    coded.events.extend(ctx.doers());
    coded.events.extend(ctx.trials());
    match finish::finish(&s, &view, grammar.as_ref(), flags.complex, coded) {
        Ok(events) => res.events = events,
        Err(aside) => return aside.mark(res),
    }
    if !res.events.is_empty() {
        res.parse = grammar.and_then(crate::grammar::Grammar::into_parse);
    }
    res
}

/// Records, for `explain`, the events a filter dropped: those of `before`
/// (taken only when tracing) missing from `after`.
fn traced(
    input: &SentenceInput<'_>,
    texts: &[&str],
    before: Option<Vec<RawEvent>>,
    after: &[RawEvent],
    why: &str,
) {
    if let (Some(t), Some(before)) = (input.trace, before) {
        crate::explain::dropped(&mut t.borrow_mut(), texts, &before, after, why);
    }
}

/// Runs the filter `stage` on `events`, recording for `explain` what it
/// dropped and `why`.
fn filter_stage(
    input: &SentenceInput<'_>,
    texts: &[&str],
    events: &mut Vec<RawEvent>,
    why: &str,
    stage: impl FnOnce(&mut Vec<RawEvent>),
) {
    let before = input.trace.map(|_| events.clone());
    stage(events);
    traced(input, texts, before, events, why);
}

/// Records, for `explain`, why the whole sentence was set aside.
fn skip(input: &SentenceInput<'_>, why: &str) {
    if let Some(t) = input.trace {
        t.borrow_mut().skipped = Some(why.to_string());
    }
}
