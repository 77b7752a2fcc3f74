//! Coding a story, stage by stage, with the state that lives only as long
//! as a batch (option switches, FORWARD) or a story (its memory).
//!
//! A story is cut into sentences; each sentence goes through
//! 1. [`Session::sentence_events`]: lexing, actors, verb patterns
//!    (`sentence::code_sentence`), coded again at the event's date when
//!    the text moves it and an actor's codes depend on the date;
//! 2. [`role_changes`]: "assumed power as interim president";
//! 3. [`assemble`]: CAMEO → PLOVER, Goldstein and QuadClass, spans and
//!    inferred-actor evidence;
//!
//! and the story's events are deduplicated at the end (statecraft reading).

use crate::explain::{Explanation, SentenceTrace};
use crate::sentence::{code_sentence, SentenceInput, SentenceResult, StoryMemory};
use crate::{dating, dedup, event_dates, origin, Coded, Coder, Event, Note, Options, RoleChange};
use crate::{ActorCode, RoleSpans, Spans};
use statecraft_text::{split_sentences, Date, DateExpr, Directive, Layout, Story, Token};
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Sentences longer than this many characters are coded in pieces of at
/// most this length, cut at a comma, semicolon or space, with a [`Note`].
/// Coding time grows faster than a sentence's length; wire sentences run
/// to a few hundred characters (the longest of the real-news gold set has
/// 52 tokens, of the synthetic corpus 246), so only a text without
/// punctuation, or junk, is cut.
pub const MAX_SENTENCE_CHARS: usize = 1_500;

/// When to give up coding: a deadline, a flag another thread raises, or
/// both. Checked between sentences, so a story stops within one sentence's
/// work (sentences are at most [`MAX_SENTENCE_CHARS`] long).
///
/// ```
/// use statecraft_coder::Interrupt;
/// use std::sync::{atomic::{AtomicBool, Ordering}, Arc};
/// let flag = Arc::new(AtomicBool::new(false));
/// let stop = Interrupt::none().with_flag(flag.clone());
/// assert!(!stop.fired());
/// flag.store(true, Ordering::Relaxed);
/// assert!(stop.fired());
/// assert!(Interrupt::after(std::time::Duration::ZERO).fired());
/// ```
#[derive(Clone, Debug, Default)]
pub struct Interrupt {
    deadline: Option<Instant>,
    flags: Vec<Arc<AtomicBool>>,
}

impl Interrupt {
    /// Never fires.
    pub fn none() -> Interrupt {
        Interrupt::default()
    }

    /// Fires once `after` has passed from now.
    pub fn after(after: Duration) -> Interrupt {
        Interrupt {
            deadline: Instant::now().checked_add(after),
            flags: Vec::new(),
        }
    }

    /// Also fires when `flag` is raised.
    pub fn with_flag(mut self, flag: Arc<AtomicBool>) -> Interrupt {
        self.flags.push(flag);
        self
    }

    /// Whether coding should stop now.
    pub fn fired(&self) -> bool {
        self.flags.iter().any(|f| f.load(Ordering::Relaxed))
            || self.deadline.is_some_and(|d| Instant::now() >= d)
    }
}

/// Coding stopped because its [`Interrupt`] fired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("coding was interrupted after {sentences} sentences")]
pub struct Interrupted {
    /// Sentences coded before it stopped.
    pub sentences: usize,
}

/// A coder reading a batch in order: option switches found in the input
/// apply to the stories after them, and TABARI's FORWARD carries the
/// first actor of one record to the next.
///
/// ```
/// use statecraft_coder::{Coder, Options};
/// use statecraft_dict::{Dialect, Loader};
/// use statecraft_text::{Date, Directive, Layout, Story};
/// let mut loader = Loader::new();
/// loader.actors("ARNOR [ARN]\nGONDOR [GON]\n", "a", Dialect::Tabari);
/// loader.verbs("RESTOR [064]\n- * DIPLOMATIC [064]\n", "v", Dialect::Tabari);
/// let coder = Coder::new(loader.finish().0, Options::tabari());
/// let mut session = coder.session();
/// assert!(session.apply(&Directive::Tabari("SET: CODE BY SENTENCE".into())));
/// let story = Story::new("D-1", Date::from_ymd(1995, 1, 1).unwrap(),
///     "Arnor is about to restore full diplomatic ties with Gondor.", Layout::Sentence);
/// assert_eq!(session.code(&story).events[0].cameo, "064");
/// // The coder itself is unchanged.
/// assert_ne!(coder.options().code_by, session.options().code_by);
/// ```
pub struct Session<'c> {
    coder: &'c Coder,
    options: Cow<'c, Options>,
    /// FORWARD state: (story number, sentence number, first actor).
    previous: Option<(String, u32, Vec<ActorCode>)>,
    /// Traces of the sentences coded, when explaining.
    traces: Option<Vec<SentenceTrace>>,
}

impl<'c> Session<'c> {
    pub(crate) fn new(coder: &'c Coder) -> Session<'c> {
        Session {
            coder,
            options: Cow::Borrowed(&coder.options),
            previous: None,
            traces: None,
        }
    }

    /// A session with the same options and no FORWARD state, to code
    /// other stories of the batch on another thread. Equivalent to this
    /// one for stories that do not read FORWARD state (`options().forward`
    /// is unset).
    pub fn fork(&self) -> Session<'c> {
        Session {
            coder: self.coder,
            options: self.options.clone(),
            previous: None,
            traces: None,
        }
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Applies an option switch found in the input; returns whether it was
    /// understood.
    pub fn apply(&mut self, directive: &Directive) -> bool {
        let options = self.options.to_mut();
        match directive {
            Directive::Tabari(cmd) => options.apply_tabari(cmd),
            Directive::Petrarch { option, value } => options.apply_petrarch(option, value),
        }
    }

    /// Codes one story.
    pub fn code(&mut self, story: &Story) -> Coded {
        // An interrupt that never fires cannot stop it.
        self.code_until(story, &Interrupt::none())
            .unwrap_or_default()
    }

    /// Codes one story and tells why each sentence was coded as it was:
    /// the parse, the dictionary matches, the predicates with the patterns
    /// tried, and every candidate event with why it was kept or dropped.
    /// The story's events are those [`Session::code`] gives.
    ///
    /// ```
    /// use statecraft_coder::{Coder, Options};
    /// use statecraft_text::{Date, Layout, Story};
    /// let (dict, _) = statecraft_dict::bundled();
    /// let coder = Coder::new(dict, Options::statecraft());
    /// let story = Story::new("x", Date::from_ymd(2004, 9, 1).unwrap(),
    ///     "Israeli troops killed two Hamas militants in Gaza.", Layout::Prose);
    /// let (why, coded) = coder.session().explain(&story);
    /// let kept: Vec<_> = why.sentences[0].candidates.iter().filter(|c| c.kept).collect();
    /// assert_eq!(kept.len(), coded.events.len());
    /// assert!(why.render().contains("## candidate events"));
    /// ```
    pub fn explain(&mut self, story: &Story) -> (Explanation, Coded) {
        self.traces = Some(Vec::new());
        let coded = self.code(story);
        let sentences = self.traces.take().unwrap_or_default();
        let reading = if self.options.statecraft {
            "statecraft"
        } else if self.options.petrarch {
            "petrarch"
        } else {
            "tabari"
        };
        let why = Explanation {
            reading: reading.to_string(),
            sentences,
        };
        (why, coded)
    }

    /// Codes one story, giving up between sentences once `interrupt`
    /// fires.
    pub fn code_until(
        &mut self,
        story: &Story,
        interrupt: &Interrupt,
    ) -> Result<Coded, Interrupted> {
        let mut coded = Coded::default();
        let mut units = units(story, &mut coded.notes);
        let mut memory = StoryMemory::default();
        let mut dateline = None;
        if self.options.statecraft {
            dateline = wire_units(&story.text, &mut units);
            memory.dateline = dateline.and_then(|d| {
                crate::sentence::first_country(d, self.coder.lexicon(), story.date, &self.options)
            });
        }
        let numbers = self
            .options
            .forward
            .as_ref()
            .and_then(|f| f.numbers(&story.id));
        // The story's latest dated event: (sentence, date).
        let mut narrative: Option<(usize, dating::EventDate)> = None;
        // The parses stage `grammar` made, kept for stage `places`.
        let mut parses: Vec<Carried<'_>> = Vec::new();
        for (k, &(si, text)) in units.iter().enumerate() {
            if interrupt.fired() {
                return Err(Interrupted { sentences: k });
            }
            let forwarded = match (&numbers, &self.previous) {
                (Some((story_no, sent_no)), Some((ps, pn, actor)))
                    if k == 0 && ps == story_no && *pn + 1 == *sent_no =>
                {
                    Some(actor.clone())
                }
                _ => None,
            };
            memory.sentence = si;
            let trace = self.traces.is_some().then(|| {
                RefCell::new(SentenceTrace {
                    index: si,
                    text: text.to_string(),
                    ..SentenceTrace::default()
                })
            });
            let input = SentenceInput {
                text,
                date: story.date,
                forwarded: forwarded.as_deref(),
                trace: trace.as_ref(),
            };
            let mut sentence = self.sentence_events(&input, &mut memory, &narrative, si);
            if let Some(p) = sentence.res.parse.take() {
                if parses.len() < MAX_CARRIED {
                    parses.push((si, text, Some(p)));
                }
            }
            if let (Some(traces), Some(t)) = (self.traces.as_mut(), trace) {
                traces.push(t.into_inner());
            }
            if let Some(d) = sentence.narrative.clone() {
                narrative = Some((si, d));
            }
            if k == 0 {
                if let (Some((s, n)), Some(actor)) = (&numbers, &sentence.res.first_actor) {
                    self.previous = Some((s.clone(), *n, actor.clone()));
                } else if numbers.is_some() {
                    self.previous = None;
                }
            }
            coded.roles.extend(role_changes(story, si, text, &sentence));
            assemble(story, si, text, sentence, &mut coded.events);
        }
        if self.options.statecraft {
            dedup::within_story(&mut coded.events);
            let nations = |word: &str| {
                crate::sentence::first_country(
                    word,
                    self.coder.lexicon(),
                    story.date,
                    &self.options,
                )
            };
            locate(
                &mut coded.events,
                &mut parses,
                story.title.as_deref(),
                dateline,
                &nations,
                self.traces.as_mut(),
            );
        }
        Ok(coded)
    }

    /// Stage 1: a sentence's raw events and their dates. In the statecraft
    /// reading, a sentence is coded again at the event's date when the
    /// text moves it and an actor's codes depend on the date ("the
    /// militant group Hayat Tahrir al-Sham ... in November", before it
    /// ruled).
    fn sentence_events(
        &self,
        input: &SentenceInput<'_>,
        memory: &mut StoryMemory,
        narrative: &Option<(usize, dating::EventDate)>,
        si: usize,
    ) -> SentenceCoded {
        let lexicon = self.coder.lexicon();
        let options: &Options = &self.options;
        let dating = options.statecraft;
        let story_date = input.date;
        let mut input = SentenceInput { ..*input };
        let before = dating.then(|| memory.clone());
        let mut res = code_sentence(&input, lexicon, options, memory);
        let toks = statecraft_text::tokenize(input.text);
        // The sentence's date expressions, found once for the event dates,
        // the re-coding and the role changes.
        let whens = if dating {
            statecraft_text::find_dates(input.text, story_date)
        } else {
            Vec::new()
        };
        let mut chars: Vec<char> = Vec::new();
        let mut dates = Vec::new();
        if dating && res.events.is_empty() && res.time_varying {
            let moved = whens.iter().find(|w| w.start != story_date);
            if let (Some(w), Some(m)) = (moved, before.clone()) {
                *memory = m;
                input.date = w.start;
                restart(&input);
                res = code_sentence(&input, lexicon, options, memory);
            }
        }
        let mut latest = None;
        if dating && !res.events.is_empty() {
            chars = input.text.chars().collect();
            let date_all = |res: &SentenceResult| {
                event_dates(
                    &chars,
                    &whens,
                    &toks,
                    story_date,
                    si,
                    &res.events,
                    narrative,
                )
            };
            dates = date_all(&res);
            // Actors are who they were when the event happened.
            if let Some(d) = dates.iter().find(|d| !d.is_story()) {
                if d.start != input.date && res.time_varying {
                    if let Some(m) = before {
                        *memory = m;
                    }
                    input.date = d.start;
                    restart(&input);
                    res = code_sentence(&input, lexicon, options, memory);
                    dates = date_all(&res);
                }
            }
            // The narrative's date moves with events that happened.
            latest = dates
                .iter()
                .zip(&res.events)
                .rev()
                .find(|(d, e)| {
                    !d.is_story() && e.modality != Some(statecraft_types::Modality::Hypothetical)
                })
                .map(|(d, _)| d.clone());
        }
        SentenceCoded {
            res,
            toks,
            whens,
            chars,
            dates,
            narrative: latest,
        }
    }
}

/// Clears a sentence's trace before it is coded again at another date.
fn restart(input: &SentenceInput<'_>) {
    if let Some(t) = input.trace {
        let mut t = t.borrow_mut();
        *t = SentenceTrace {
            index: t.index,
            text: std::mem::take(&mut t.text),
            ..SentenceTrace::default()
        };
    }
}

/// A sentence after stage 1.
struct SentenceCoded {
    res: SentenceResult,
    toks: Vec<Token>,
    whens: Vec<DateExpr>,
    /// The sentence's characters (statecraft reading only).
    chars: Vec<char>,
    /// One date per event (statecraft reading only).
    dates: Vec<dating::EventDate>,
    /// The latest date of an event that happened, for the narrative.
    narrative: Option<dating::EventDate>,
}

/// The story's coding units with their sentence index: its sentences
/// (prose), or its whole text (a TABARI or PETRARCH record). An overlong
/// sentence becomes several units with the same index, with a note.
fn units<'s>(story: &'s Story, notes: &mut Vec<Note>) -> Vec<(usize, &'s str)> {
    let sentences: Vec<&str> = match story.layout {
        Layout::Sentence => vec![story.text.trim()],
        Layout::Prose => split_sentences(&story.text)
            .iter()
            .map(|s| &story.text[s.start..s.end])
            .collect(),
    };
    let mut out = Vec::with_capacity(sentences.len());
    for (i, mut s) in sentences.into_iter().enumerate() {
        let start = out.len();
        while !s.is_empty() {
            let piece = cut_sentence(s);
            out.push((i, piece));
            s = s[piece.len()..].trim_start();
        }
        let pieces = out.len() - start;
        if pieces > 1 {
            let chars: usize = out[start..].iter().map(|(_, p)| p.chars().count()).sum();
            notes.push(Note {
                sentence: i,
                message: format!(
                    "sentence {i} is over {MAX_SENTENCE_CHARS} characters long (about {chars}); coded in {pieces} pieces"
                ),
            });
        }
    }
    out
}

/// A unit's parse made by stage `grammar`: its sentence index, its text,
/// and the parse until stage `places` takes it.
type Carried<'s> = (usize, &'s str, Option<statecraft_syntax::Parse>);

/// The most parses a story carries from stage `grammar` to stage `places`
/// (a parse is about 8 KB): news stories have fewer units with events, and
/// a story of thousands (a 900 KB text) has the rest parsed again rather
/// than holding tens of megabytes until its end.
const MAX_CARRIED: usize = 64;

/// Stage `places` of the statecraft reading, over a story's events: where
/// each happened ([`statecraft_geo::explain`]: a place its sentence names
/// or points at, the nation of "the Iraqi city" told by `nations`; else the
/// headline's, a bound party's home, the story's `dateline`), then
/// [`shared_scene`]; with `traces`, each event's reasons.
fn locate(
    events: &mut [Event],
    carried: &mut [Carried<'_>],
    title: Option<&str>,
    dateline: Option<&str>,
    nations: statecraft_geo::Nations<'_>,
    mut traces: Option<&mut Vec<SentenceTrace>>,
) {
    let g = statecraft_geo::Gazetteer::bundled();
    let story = statecraft_geo::StoryPlaces::read(g, title, dateline);
    // A unit's parse is read only if it names a place: the one stage
    // `grammar` made, else one made here, once a unit (an overlong
    // sentence's pieces share its index, so the text tells them apart).
    let mut parsed: Option<(usize, &str, Option<statecraft_syntax::Parse>)> = None;
    for e in events.iter_mut() {
        if parsed
            .as_ref()
            .is_none_or(|(si, text, _)| *si != e.sentence || *text != e.text)
        {
            let p = statecraft_geo::names_place(g, &e.text).then(|| {
                carried
                    .iter_mut()
                    .find(|(si, text, _)| *si == e.sentence && *text == e.text)
                    .and_then(|(_, _, p)| p.take())
                    .unwrap_or_else(|| statecraft_syntax::parse(&e.text))
            });
            parsed = Some((e.sentence, e.text.as_str(), p));
        }
        let parse = parsed.as_ref().and_then(|(_, _, p)| p.as_ref());
        let event = statecraft_geo::Event {
            text: &e.text,
            source: e.spans.source,
            target: e.spans.target,
            verb: e.spans.verb,
            countries: [e.source.country(), e.target.country()],
            codes: [Some(e.source.as_str()), Some(e.target.as_str())],
            parse,
            cameo: e.root.as_ref().map(|_| e.cameo.as_str()),
            nations: Some(nations),
        };
        let why = statecraft_geo::explain(g, &event, &story);
        if let Some(t) = traces
            .as_deref_mut()
            .and_then(|ts| ts.iter_mut().find(|t| t.index == e.sentence))
        {
            let name = format!("{} -> {} {}", e.source, e.target, e.cameo);
            t.places.push(crate::explain::PlaceRow::new(name, &why));
        }
        e.location = why.location;
    }
    shared_scene(events);
}

/// One sentence, one scene: an act done where it happened (not a remote
/// act: a statement, threat or sanction) that its sentence does not place
/// by name takes the place the sentence names for another such act
/// ("Israeli forces blocked roads in Gaza ..., and troops tore down houses
/// in a refugee camp"), before the headline's or the dateline's, or words
/// that only point at a country.
fn shared_scene(events: &mut [Event]) {
    let remote = |e: &Event| statecraft_geo::is_remote(e.root.as_ref().map(|_| e.cameo.as_str()));
    // A place the sentence names for the event itself; not words that only
    // point at a country ("an Israeli town"), which another act's named
    // place outranks.
    let named = |e: &Event| {
        e.location.as_ref().is_some_and(|l| {
            l.span.is_some_and(|s| {
                l.feature != statecraft_types::Feature::Country
                    || e.text.chars().nth(s[0]).is_some_and(char::is_uppercase)
            })
        })
    };
    for i in 0..events.len() {
        if remote(&events[i]) || named(&events[i]) {
            continue;
        }
        let scene = events
            .iter()
            .enumerate()
            .filter(|&(j, o)| j != i && o.sentence == events[i].sentence && !remote(o) && named(o))
            .find_map(|(_, o)| o.location.clone());
        if let Some(l) = scene {
            events[i].location = Some(l);
        }
    }
}

/// Stage `wire` over the units of a story (statecraft reading): the
/// dateline or byline opening the story or a paragraph, a byline standing
/// as a sentence of its own and the dateline after it, and a photo credit
/// ending a unit, are not coded. A unit left empty goes. Returns the
/// story's first dateline, which says where the story was filed.
fn wire_units<'s>(story: &'s str, units: &mut Vec<(usize, &'s str)>) -> Option<&'s str> {
    let mut dateline = None;
    let mut after_byline = false;
    for (_, text) in units.iter_mut() {
        let at = text.as_ptr() as usize - story.as_ptr() as usize;
        let before = story[..at].trim_end_matches([' ', '\t']);
        let opening = before.is_empty() || before.ends_with("\n\n") || after_byline;
        // "By Channel NewsAsia's ... Melissa Goh. KUALA LUMPUR : ...": a
        // byline of its own, then the dateline.
        after_byline = opening && crate::wire::is_byline(text);
        if after_byline {
            *text = "";
            continue;
        }
        if opening {
            let n = crate::wire::prefix_len(text);
            if n > 0 && dateline.is_none() {
                dateline = Some(&text[..n]);
            }
            *text = &text[n..];
        }
        let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
        if let Some(r) = crate::wire::photo_credits(trimmed)
            .into_iter()
            .find(|r| r.end == trimmed.len())
        {
            *text = text[..r.start].trim_end();
        }
    }
    units.retain(|(_, t)| t.chars().any(char::is_alphanumeric));
    dateline
}

/// The first piece of `s`: all of it when it is at most
/// [`MAX_SENTENCE_CHARS`] long, else a prefix cut after the last comma or
/// semicolon in the second half of the limit, else at the last space,
/// else at the limit.
fn cut_sentence(s: &str) -> &str {
    let Some((limit, _)) = s.char_indices().nth(MAX_SENTENCE_CHARS) else {
        return s;
    };
    let head = &s[..limit];
    let half = limit / 2;
    let at = |cut: Option<usize>| cut.filter(|&e| e > half);
    let end = at(head.rfind([',', ';']).map(|e| e + 1))
        .or_else(|| at(head.rfind(char::is_whitespace)))
        .unwrap_or(limit);
    &s[..end]
}

/// Stage 2: the changes of role a sentence states, dated by the date
/// expression that governs their trigger words.
fn role_changes(story: &Story, si: usize, text: &str, s: &SentenceCoded) -> Vec<RoleChange> {
    if s.res.roles.is_empty() {
        return Vec::new();
    }
    let chars: Cow<'_, [char]> = if s.chars.is_empty() {
        Cow::Owned(text.chars().collect())
    } else {
        Cow::Borrowed(&s.chars)
    };
    let toks = &s.toks;
    s.res
        .roles
        .iter()
        .map(|r| {
            let piece = |(a, b): (usize, usize)| -> (String, [usize; 2]) {
                let span = [toks[a].start, toks[b].end];
                (chars[span[0]..span[1]].iter().collect(), span)
            };
            let trigger = piece(r.trigger).1;
            let when = dating::governing(&chars, &s.whens, trigger)
                .map(dating::EventDate::from_when)
                .unwrap_or_else(|| dating::EventDate::story(story.date));
            let (actor, actor_span) = piece(r.actor);
            let (role, role_span) = piece(r.role);
            RoleChange {
                story_id: story.id.clone(),
                sentence: si,
                actor,
                actor_codes: r.actor_codes.clone(),
                role,
                code: r.code.as_str().into(),
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
            }
        })
        .collect()
}

/// Stage 3: events as output, with their ontology, dates, spans and the
/// evidence for inferred actors.
fn assemble(story: &Story, si: usize, text: &str, s: SentenceCoded, out: &mut Vec<Event>) {
    let SentenceCoded {
        res, toks, dates, ..
    } = s;
    let span = |t: (usize, usize)| [toks[t.0].start, toks[t.1].end];
    for (k, e) in res.events.into_iter().enumerate() {
        let onto = statecraft_ontology::resolve(&e.code);
        let when = dates.get(k).cloned().unwrap_or_else(|| {
            let d: Date = story.date.add_days(res.shift);
            dating::EventDate::story(d)
        });
        out.push(Event {
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
            modality: e.modality,
            location: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlong_sentences_are_cut_at_commas_or_spaces() {
        let long = "officials said that ".repeat(500);
        let cut = cut_sentence(&long);
        assert!(cut.chars().count() <= MAX_SENTENCE_CHARS);
        assert!(cut.ends_with("that"), "{}", &cut[cut.len() - 20..]);
        let list = "Syria, Iran, Iraq, Jordan, ".repeat(200);
        assert!(cut_sentence(&list).ends_with(','));
        let short = "Seoul met Damascus.";
        assert_eq!(cut_sentence(short), short);
        // No space at all: cut at the limit, on a character boundary.
        let blob = "é".repeat(MAX_SENTENCE_CHARS + 5);
        assert_eq!(cut_sentence(&blob).chars().count(), MAX_SENTENCE_CHARS);
    }

    #[test]
    fn an_overlong_sentence_is_coded_in_pieces_with_a_note() {
        let text = format!("{}Seoul met Damascus.", "officials said that ".repeat(500));
        let story = Story::new(
            "x",
            Date::from_ymd(2025, 2, 11).unwrap(),
            text.as_str(),
            Layout::Prose,
        );
        let mut notes = Vec::new();
        let units = units(&story, &mut notes);
        assert!(units.len() >= 7, "{}", units.len());
        assert!(units
            .iter()
            .all(|(i, p)| *i == 0 && p.chars().count() <= MAX_SENTENCE_CHARS));
        // Nothing is lost: the pieces hold every word.
        let words: usize = units
            .iter()
            .map(|(_, p)| p.split_whitespace().count())
            .sum();
        assert_eq!(words, text.split_whitespace().count());
        assert_eq!(notes.len(), 1);
        assert!(notes[0].message.contains("pieces"), "{}", notes[0].message);
    }
}
