//! Coding one sentence: from tokens to events.

use crate::analysis::{self, Class, Flags, Lexeme, Member, Pron, Unit};
use crate::arguments::Role;
use crate::engine::{Bind, Matcher};
use crate::explain::SentenceTrace;
use crate::infer::{self, Evidence, Inferred};
use crate::names::PlaceWords;
use crate::options::{CodeBy, Options};
use statecraft_dict::{Dictionary, EventCode, PhraseIndex};
use statecraft_text::{is_all_caps, Date, Token, TokenKind};
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

/// What a story has taught the coder so far: short names of people met in
/// full ("Kim" after "Kim Eun-jeong") and role phrases met with their
/// country ("the interim government" after "Syria's interim government").
#[derive(Clone, Default)]
pub(crate) struct StoryMemory {
    /// Word → codes; `None` once two actors claim it.
    names: std::collections::HashMap<String, Option<Vec<ActorCode>>>,
    /// Noun-phrase key → country code; `None` when ambiguous.
    phrases: std::collections::HashMap<String, Option<String>>,
    /// The story's home country: the first country it names.
    home: Option<String>,
    /// Index of the sentence being coded.
    pub sentence: usize,
    /// The country of the story's dateline, where it was filed.
    pub dateline: Option<String>,
    /// Parts of inferred names → why the name got its code.
    inferred: std::collections::HashMap<String, Evidence>,
}

/// Two-letter words never learnt as short names: particles and common
/// words that start sentences.
const SHORT_NOT_NAMES: &[&str] = &[
    "AL", "EL", "DE", "DA", "DI", "DU", "LA", "LE", "BE", "IN", "ON", "AT", "TO", "OF", "IS", "IT",
    "AN", "AS", "BY", "IF", "OR", "SO", "NO", "UP", "US", "UN", "EU", "UK", "MR", "MS", "DR", "ST",
];

/// Words never learnt as short names, besides the names of places
/// ([`crate::names::place_words`]): parts of names of states and groups,
/// name particles, and role words.
const NOT_NAMES: &[&str] = &[
    "NORTH",
    "SOUTH",
    "EAST",
    "WEST",
    "CENTRAL",
    "UNITED",
    "STATES",
    "KINGDOM",
    "REPUBLIC",
    "PEOPLE'S",
    "DEMOCRATIC",
    "ISLAMIC",
    "ARAB",
    "NATIONAL",
    "NATIONS",
    "NEW",
    "GREAT",
    "AL",
    "EL",
    "BIN",
    "IBN",
    "ABU",
    "ABD",
    "VAN",
    "VON",
    "DE",
    "DA",
    "DI",
    "LA",
    "LE",
    "THE",
    "OF",
    "AND",
    "PRESIDENT",
    "MINISTER",
    "GOVERNMENT",
    "MINISTRY",
    "FOREIGN",
    "PRIME",
    "INTERIM",
    "SUPREME",
    "LEADER",
    "GENERAL",
    "COUNCIL",
    "PARTY",
    "ARMY",
    "FORCES",
    "FRONT",
    "GROUP",
];

impl StoryMemory {
    /// Short names for a multi-word, capitalised actor.
    fn learn_name(&mut self, words: &[&str], codes: &[ActorCode], places: &PlaceWords) {
        for w in words {
            let w = w.trim_end_matches("'S").trim_end_matches('\'');
            // Two-letter surnames ("Xi", "Li") count; name particles do not.
            if w.len() < 2
                || NOT_NAMES.contains(&w)
                || places.contains(w)
                || SHORT_NOT_NAMES.contains(&w)
                || !w.chars().all(|c| c.is_ascii_alphabetic())
            {
                continue;
            }
            let slot = self
                .names
                .entry(w.to_string())
                .or_insert_with(|| Some(codes.to_vec()));
            if slot.as_deref().is_some_and(|c| c != codes) {
                *slot = None;
            }
        }
    }

    fn learn_phrase(&mut self, key: &str, code: &ActorCode) {
        let Some(country) = code.country() else {
            return;
        };
        let slot = self
            .phrases
            .entry(key.to_string())
            .or_insert_with(|| Some(country.to_string()));
        if slot.as_deref().is_some_and(|c| c != country) {
            *slot = None;
        }
    }
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

pub(crate) fn code_sentence(
    input: &SentenceInput<'_>,
    lexicon: Lexicon<'_>,
    opts: &Options,
    memory: &mut StoryMemory,
) -> SentenceResult {
    let Lexicon {
        dict,
        index,
        families,
        blocks,
        discards,
        ..
    } = lexicon;
    let mut res = SentenceResult::default();
    let toks: Vec<Token> = statecraft_text::tokenize(input.text);
    if toks.is_empty() || toks.len() < opts.min_words {
        return res;
    }
    let texts: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    if let Some(t) = input.trace.filter(|_| opts.statecraft) {
        crate::explain::parse(&mut t.borrow_mut(), input.text);
    }
    let all_caps = is_all_caps(input.text);
    let mut flags = Flags::default();
    let mut lx = analysis::lex(
        &toks,
        &texts,
        dict,
        index,
        input.date,
        all_caps,
        opts,
        &mut flags,
        &[],
    );
    // Stage grammar (statecraft reading): a dictionary verb the parse reads
    // as a noun, name or adjective ("forces", "State", "moderate") is not a
    // predicate; its words are read again without verbs ("Russian forces"
    // is then an actor with its agent).
    // Only where an event could come of it: a verb and two parties.
    let parties = || {
        lx.iter()
            .filter(|l| matches!(l.class, Class::Actor(_) | Class::Agent(_)))
            .count()
    };
    let mut grammar = None;
    if opts.statecraft && lx.iter().any(|l| matches!(l.class, Class::Verb(_))) && parties() >= 2 {
        let grammar = grammar.insert(crate::grammar::Grammar::new(input.text, &toks));
        let mut no_verb = vec![false; toks.len()];
        for l in &lx {
            if matches!(l.class, Class::Verb(_)) && grammar.not_a_verb(l.first) {
                no_verb[l.first] = true;
            }
        }
        if no_verb.contains(&true) {
            flags = Flags::default();
            lx = analysis::lex(
                &toks, &texts, dict, index, input.date, all_caps, opts, &mut flags, &no_verb,
            );
        }
    }
    res.time_varying = flags.dated_actor;
    // Discard phrases (PETRARCH lists).
    // Phoenix discards a sentence naming any year from 1914 to 2013 as
    // history; in the statecraft reading a year no more than two before
    // the story is the news itself ("invaded in March 2003").
    let recent = |phrase: &str| {
        opts.statecraft
            && phrase.len() == 4
            && phrase
                .parse::<i32>()
                .is_ok_and(|y| y >= input.date.year() - 2)
    };
    let discard = (!dict.discards.is_empty())
        .then(|| discarded(&texts, discards, &recent))
        .flatten();
    if let Some(phrase) = discard {
        skip(input, &format!("the dictionaries' discard phrase {phrase}"));
        res.discarded = true;
        return res;
    }
    // The country of roles named without one ("police", "gunmen").
    let mut context: Option<String> = None;
    if opts.statecraft {
        if memory.home.is_none() {
            memory.home = lx.iter().find_map(|l| match &l.class {
                Class::Actor(codes) => codes
                    .iter()
                    .filter_map(ActorCode::country)
                    .find(|c| c.chars().all(|ch| ch.is_ascii_uppercase()))
                    .map(str::to_string),
                _ => None,
            });
        }
        let inferred = infer::infer(
            &mut lx,
            &toks,
            &texts,
            input.text,
            memory.home.as_deref(),
            memory.sentence,
        );
        for inf in &inferred {
            for t in inf.first..=inf.last {
                if toks[t].capitalized {
                    let w = texts[t].trim_end_matches("'S").to_string();
                    memory
                        .inferred
                        .entry(w)
                        .or_insert_with(|| inf.evidence.clone());
                }
            }
        }
        let words_before: Vec<bool> = lx.iter().map(|l| l.class == Class::Word).collect();
        story_context(
            &mut lx,
            input.text,
            &toks,
            &texts,
            dict,
            index,
            memory,
            lexicon.places,
        );
        res.inferred = inferred;
        res.roles = infer::role_changes(&lx, &texts, memory.home.as_deref());
        // Stage places: the place of a locative phrase ("in Baghdad") gives
        // roles named without a country ("gunmen", "police") their country;
        // else the dateline's, else the story's home country.
        let places = crate::places::locative(&lx, &toks, &texts);
        if opts.statecraft {
            // "a London court"; "Washington-based", "pro-Moscow" (the
            // tokens drop the hyphen: look at the text).
            let hyphen_at = |c: Option<usize>| {
                c.and_then(|c| input.text.chars().nth(c))
                    .is_some_and(|c| c == '-')
            };
            let modifier = |first: usize, last: usize| {
                grammar.as_ref().is_some_and(|g| g.noun_at(last + 1))
                    || hyphen_at(toks.get(last).map(|t| t.end))
                    || hyphen_at(toks.get(first).and_then(|t| t.start.checked_sub(1)))
            };
            crate::places::seats(&mut lx, &texts, &places, &dict.seats, input.date, modifier);
        }
        context = crate::places::context_country(&lx, &places)
            .or_else(|| memory.dateline.clone())
            .or_else(|| memory.home.clone().filter(|h| crate::places::is_country(h)));
        // Later mentions of an inferred name ("Al-Shaibani") are inferred too.
        for (l, was_word) in lx.iter().zip(words_before) {
            if was_word && matches!(l.class, Class::Actor(_)) {
                let w = texts[l.first].trim_end_matches("'S");
                if let Some(e) = memory.inferred.get(w) {
                    res.inferred.push(Inferred {
                        first: l.first,
                        last: l.last,
                        evidence: e.clone(),
                    });
                }
            }
        }
    }
    // FORWARD passes on the first actor's own code, without agents.
    res.first_actor = lx.iter().find_map(|l| match &l.class {
        Class::Actor(c) => Some(c.clone()),
        _ => None,
    });
    if opts.petrarch {
        analysis::petrarch_noun_phrases(&mut lx, &texts, dict, opts.statecraft);
        if opts.statecraft {
            // "the interim government" after "Syria's interim government".
            for l in &mut lx {
                // A dictionary phrase such as "Syria's interim government"
                // teaches its role words ("INTERIM GOVERNMENT").
                if l.key.is_none() && l.last > l.first {
                    if let Class::Actor(codes) = &l.class {
                        if codes.iter().all(ActorCode::is_country_with_roles) {
                            l.key = Some(texts[l.first + 1..=l.last].join(" ").into());
                        }
                    }
                }
                let (Class::Actor(codes), Some(key)) = (&mut l.class, &l.key) else {
                    continue;
                };
                for c in codes.iter_mut() {
                    if c.country_unknown() {
                        if let Some(Some(country)) = memory.phrases.get(&**key) {
                            *c = c.with_country(country);
                        }
                    } else {
                        memory.learn_phrase(key, c);
                    }
                }
            }
        }
    } else {
        analysis::attach_agents(&mut lx, dict, opts);
    }
    let mut protected = vec![false; lx.len()];
    let places = if opts.statecraft {
        crate::places::locative(&lx, &toks, &texts)
    } else {
        Vec::new()
    };
    let groups = analysis::compounds(&lx, &mut protected, opts.petrarch, &places);
    analysis::protect_noun_compounds(&lx, &mut protected);
    // A conjunction inside a dictionary phrase ("DURTHANG ... ORC") does
    // not split the sentence.
    for (k, l) in lx.iter().enumerate() {
        if matches!(l.class, Class::Conj { .. }) {
            let inside = lx
                .iter()
                .any(|o| o.first < l.first && o.last > l.last && !matches!(o.class, Class::Word));
            if inside {
                protected[k] = true;
            }
        }
    }
    if opts.petrarch && !opts.statecraft {
        // "complete, full diplomatic ties": a comma inside a noun phrase.
        for k in 1..lx.len().saturating_sub(1) {
            let modifier = |l: &Lexeme| {
                matches!(l.class, Class::Word | Class::Adjective) && !toks[l.first].capitalized
            };
            if lx[k].class == Class::Comma && modifier(&lx[k - 1]) && modifier(&lx[k + 1]) {
                protected[k] = true;
            }
        }
    }
    let (elim, dropped) = analysis::comma_clauses(&lx, &protected, &texts, opts);
    // Pronouns refer to actors that survive the dropped comma clauses.
    let mut all_units = build_units(&lx, &groups, input.forwarded, &elim, !opts.petrarch);
    if opts.statecraft {
        crate::places::owned_roles(&mut all_units, &texts);
        crate::places::same_role(&mut all_units);
    }
    if let Some(t) = input.trace {
        crate::explain::lexicon(&mut t.borrow_mut(), dict, &texts, &lx, &all_units);
    }

    // Time shifting.
    if opts.time_shift {
        for l in &lx {
            if let Class::Time(v) = l.class {
                match time_code(dict, v, &texts, l) {
                    Some(TimeCode::Days(d)) => {
                        res.shift = d;
                        break;
                    }
                    Some(TimeCode::Discard) => {
                        skip(input, "a time phrase coded as discard");
                        res.discarded = true;
                        return res;
                    }
                    Some(TimeCode::Complex) => {
                        skip(input, "a time phrase coded as complex");
                        res.complex = true;
                        return res;
                    }
                    None => {}
                }
            }
        }
    }
    if flags.discard {
        skip(input, "an actor coded as discard");
        res.discarded = true;
        return res;
    }

    // Visible coordinates: tokens not in dropped clauses.
    let vis: Vec<usize> = (0..toks.len()).filter(|&i| !elim[i]).collect();
    let mut to_vis = vec![usize::MAX; toks.len()];
    for (v, &o) in vis.iter().enumerate() {
        to_vis[o] = v;
    }
    let alive = |l: &Lexeme| (l.first..=l.last).all(|t| !elim[t]);
    let vtexts: Vec<&str> = vis.iter().map(|&i| texts[i]).collect();
    // Pattern slots do not reach across a comma, nor, in statecraft mode,
    // across "and" before a past-tense verb the dictionaries lack ("ousted
    // Assad in December and assumed power as interim president").
    let vcomma: Vec<bool> = vis
        .iter()
        .map(|&i| {
            toks[i].kind == TokenKind::Comma
                || (opts.statecraft
                    && texts[i] == "AND"
                    && toks
                        .get(i + 1)
                        .is_some_and(|t| !t.capitalized && t.text.ends_with("ED")))
        })
        .collect();
    let units: Vec<Unit> = all_units
        .into_iter()
        .filter(|u| !elim[u.first] && !elim[u.last])
        .map(|mut u| {
            u.first = to_vis[u.first];
            u.last = to_vis[u.last];
            u
        })
        .collect();
    let verbs: Vec<(usize, usize, u32)> = lx
        .iter()
        .filter(|l| alive(l))
        .filter_map(|l| match l.class {
            Class::Verb(v) => Some((to_vis[l.first], to_vis[l.last], v)),
            _ => None,
        })
        .collect();
    // Clause boundaries at unprotected conjunctions. PETRARCH, reading a
    // parse, only splits where both sides have a verb of their own.
    let conj_at: Vec<usize> = lx
        .iter()
        .enumerate()
        .filter(|(k, l)| matches!(l.class, Class::Conj { .. }) && !protected[*k] && alive(l))
        .map(|(_, l)| to_vis[l.first])
        .collect();
    // Whether the original token before visible position `v` is a comma
    // (it may sit in a dropped comma clause).
    let comma_before = |v: usize| vis[v] > 0 && toks[vis[v] - 1].kind == TokenKind::Comma;
    let conj_at: Vec<usize> = if opts.statecraft {
        // A conjunction starts a new clause only when a subject follows it;
        // "provide aid and explore cooperation in Syria" shares its object.
        conj_at
            .into_iter()
            .filter(|&c| {
                let next_verb = verbs.iter().map(|v| v.0).find(|&v| v > c);
                let subject = units
                    .iter()
                    .any(|u| u.first > c && next_verb.is_none_or(|v| u.first < v));
                let verb_before = verbs.iter().any(|v| v.0 < c);
                subject && verb_before && next_verb.is_some()
            })
            .collect()
    } else if opts.petrarch {
        let mut kept: Vec<usize> = Vec::new();
        for (i, &c) in conj_at.iter().enumerate() {
            let from = kept.last().map_or(0, |&k| k + 1);
            let to = conj_at.get(i + 1).copied().unwrap_or(vis.len());
            let left = verbs.iter().any(|v| v.0 >= from && v.0 < c);
            let right = verbs.iter().any(|v| v.0 > c && v.0 < to);
            if left && right {
                kept.push(c);
            }
        }
        kept
    } else {
        // TABARI: ", and" continues the sentence's clause (the comma already
        // marks the break the writer wanted).
        conj_at.into_iter().filter(|&c| !comma_before(c)).collect()
    };
    let mut bounds = vec![0usize];
    let mut actor_first = vec![false];
    for &v in &conj_at {
        bounds.push(v + 1);
        actor_first.push(units.iter().any(|u| u.first == v + 1 && !u.pronoun));
    }
    bounds.push(vis.len());
    // Commas that delimit clauses (not those inside compounds).
    // A comma between two modifiers ("complete, full diplomatic ties") is
    // inside a noun phrase for PETRARCH's parse, not between clauses.
    let modifier = |t: usize| {
        lx.iter().any(|l| {
            l.first == t
                && matches!(l.class, Class::Word | Class::Adjective)
                && !toks[t].capitalized
        })
    };
    let vbarrier: Vec<bool> = vis
        .iter()
        .map(|&i| {
            toks[i].kind == TokenKind::Comma
                && !lx
                    .iter()
                    .enumerate()
                    .any(|(k, l)| l.first == i && l.class == Class::Comma && protected[k])
                && !(opts.petrarch
                    && i > 0
                    && i + 1 < toks.len()
                    && modifier(i - 1)
                    && modifier(i + 1))
        })
        .collect();
    // Base forms of every word in the sentence, to skip patterns whose
    // words are absent.
    let mut present = Present::default();
    {
        let mut forms = Vec::new();
        for t in &vtexts {
            statecraft_dict::base_forms(t, &mut forms);
            for f in forms.drain(..) {
                present.insert(f);
            }
        }
    }
    let ctx = Ctx {
        vis: &vis,
        toks: &vtexts,
        barrier: &vbarrier,
        units: &units,
        opts,
        context: context.as_deref(),
        grammar: grammar.as_ref(),
        trace: input.trace,
        secondary: std::cell::Cell::new(false),
    };

    // A question reports nothing that happened.
    let question = input
        .text
        .trim_end()
        .trim_end_matches(['"', '\u{201d}', '\''])
        .ends_with('?');
    let mut carry: Option<usize> = None;
    let mut carry_kind = Carry::None;
    let mut first_coded_verb: Option<usize> = None;
    let mut all_events: Vec<RawEvent> = Vec::new();
    let mut sentence_done = false;
    for c in 0..bounds.len() - 1 {
        let (lo, hi) = (
            bounds[c],
            bounds[c + 1].saturating_sub(if c + 1 < bounds.len() - 1 { 1 } else { 0 }),
        );
        let hi = hi.max(lo);
        let matcher = Matcher {
            toks: &vtexts,
            comma: &vcomma,
            units: &units,
            dict,
            lo,
            hi,
        };
        let clause_verbs: Vec<&(usize, usize, u32)> =
            verbs.iter().filter(|v| v.0 >= lo && v.1 < hi).collect();
        let mut clause_events: Vec<RawEvent> = Vec::new();
        ctx.secondary.set(false);
        let mut clause_source: Option<usize> = None;
        let mut had_normal = false;
        let carried = match carry_kind {
            Carry::None => None,
            _ if actor_first[c] => None,
            _ => carry,
        };
        // After a clause that produced an event, a clause with a subject of
        // its own uses it; after one that did not, its first actor carries.
        let prefer_own = carry_kind == Carry::Event || opts.statecraft;
        // Plans and intentions: "plans to minimize relations", "expressed
        // interest in establishing ties". The governed verb is coded as a
        // CAMEO intent; the verb that frames it is not coded.
        // For each clause verb that is an eventive noun, the verb (visible
        // position) whose object the parse makes it: "sought talks".
        let object_of: Vec<Option<usize>> = clause_verbs
            .iter()
            .map(|&&(vf, _, _)| {
                let g = grammar.as_ref().filter(|_| opts.statecraft)?;
                to_vis.get(g.verb_of_object(vis[vf])?).copied()
            })
            .collect();
        let cues: Vec<Option<usize>> = clause_verbs
            .iter()
            .zip(&object_of)
            .map(|(&&(vf, _, _), &object_of)| {
                if opts.statecraft {
                    intent_cue(&vtexts, &vbarrier, lo, vf).or_else(|| {
                        // "sought talks", "plans a visit": an eventive
                        // noun wanted is an intention.
                        // "threatened to launch strikes": the noun a
                        // wanted verb takes is wanted too.
                        let verb = object_of?;
                        if verb >= vf || verb < lo {
                            return None;
                        }
                        if INTENT_STEMS.iter().any(|s| vtexts[verb].starts_with(s)) {
                            return Some(verb);
                        }
                        intent_cue(&vtexts, &vbarrier, lo, verb)
                    })
                } else {
                    None
                }
            })
            .collect();
        for (ci, &&(vf, vl, v)) in clause_verbs.iter().enumerate() {
            if sentence_done {
                break;
            }
            // The framing verb is the cue itself ("plans to", "seeking
            // to") or a verb of expression just before a cue noun
            // ("expressed a strong interest in").
            let frames_later = clause_verbs.iter().zip(&cues).any(|(&&(yf, _, _), cue)| {
                yf > vf
                    && cue.is_some_and(|c| {
                        c == vf
                            || (c > vf
                                && c <= vf + 3
                                && EXPRESSION_VERBS.iter().any(|e| vtexts[vf].starts_with(e)))
                    })
            });
            if frames_later {
                continue;
            }
            let intended = cues[ci].is_some();
            let mut tried = input.trace.map(|_| Vec::new());
            let (code, bind, pat_src) = resolve_verb(
                &matcher,
                dict,
                blocks,
                &families[v as usize],
                opts,
                &present,
                (vf, vl),
                tried.as_mut(),
            );
            // "kicked off a visit to Italy": a verb whose object is an
            // eventive noun of the dictionary, by a pattern that does not
            // name it, only carries that noun's event (statecraft reading).
            let carries = clause_verbs
                .iter()
                .zip(&object_of)
                .any(|(&&(nf, _, _), of)| nf > vl && of.is_some_and(|t| (vf..=vl).contains(&t)))
                && !pattern_names_object(pat_src);
            // "Jordan condemned the Israeli raid": a reaction to the act
            // its object names is an act of its own, on whoever the tree
            // gives it (the raid's doer), by the verb's own code: the
            // pattern's slots lie inside the object ("* ^ ON +").
            let reacts = carries
                && grammar.as_ref().is_some_and(|g| g.judges(vis[vf]))
                && ctx
                    .tree_roles(vf, vl, None)
                    .is_some_and(|t| t.patient.is_some());
            let (code, bind, pat_src) = if reacts {
                (
                    own_code(dict, &families[v as usize]).clone(),
                    Bind::default(),
                    None,
                )
            } else {
                (code, bind, pat_src)
            };
            // "Sudan said the resolution was unfair": a statement that
            // condemns is criticism (statecraft reading).
            let censure = pat_src.is_none()
                && code.code().is_some_and(|c| c.starts_with("01"))
                && grammar
                    .as_ref()
                    .filter(|_| opts.statecraft)
                    .is_some_and(|g| g.reports_censure(vis[vf]));
            let code = if censure {
                EventCode::parse("111").unwrap_or(code)
            } else {
                code
            };
            if let Some(t) = input.trace {
                crate::explain::predicate(
                    &mut t.borrow_mut(),
                    crate::explain::words(&vtexts, (vf, vl)),
                    tried.unwrap_or_default(),
                    pat_src,
                    &code,
                    intended
                        .then_some("intention: coded as the intent to act")
                        .or(censure.then_some("a statement that condemns: criticism, 111")),
                );
            }
            match &code {
                EventCode::Null => continue,
                EventCode::Discard => {
                    skip(input, "a verb pattern coded as discard");
                    res.discarded = true;
                    return res;
                }
                EventCode::Complex => {
                    skip(input, "a verb pattern coded as complex");
                    res.complex = true;
                    return res;
                }
                EventCode::Event { .. } => {}
            }
            let responds = carries && grammar.as_ref().is_some_and(|g| g.responds(vis[vf]));
            if carries && !responds {
                if let Some(t) = input.trace {
                    t.borrow_mut()
                        .note("its object names the event: coded there");
                }
                continue;
            }
            if first_coded_verb.is_none() {
                // A source placed by the pattern ($, %) is a source found.
                first_coded_verb = Some(if bind.source.is_some() || bind.compound.is_some() {
                    0
                } else {
                    vf
                });
            }
            let code = if intended { intent_code(&code) } else { code };
            let mut evs = ctx.make_events(
                &code,
                &bind,
                pat_src,
                vf,
                vl,
                lo,
                hi,
                carried,
                prefer_own,
                &mut clause_source,
            );
            // Intentions are found in the statecraft reading only.
            if opts.statecraft {
                // "will not dismantle its programs or improve ties": a
                // coordinated verb without auxiliaries of its own shares
                // its first conjunct's.
                let shared = grammar
                    .as_ref()
                    .and_then(|g| g.conjunct_of(vis[vf]))
                    .and_then(|t| to_vis.get(t).copied())
                    .filter(|&h| h >= lo && h < vf);
                let conditional = |at: usize| {
                    grammar
                        .as_ref()
                        .and_then(|g| g.conditional(vis[at]))
                        .unwrap_or_else(|| {
                            (0..at).any(|p| crate::grammar::CONDITIONS.contains(&vtexts[p]))
                        })
                };
                let own = modality(&vtexts, &vbarrier, lo, vf, question, conditional(vf));
                let (m, at) = match shared {
                    Some(h) if own.is_none() => (
                        modality(&vtexts, &vbarrier, lo, h, question, conditional(h)),
                        h,
                    ),
                    _ => (own, vf),
                };
                apply_modality(&mut evs, &code, m, pat_src, intended, &vtexts, (lo, at));
            }
            if ctx.secondary.get() {
                // Two verbs of one clause telling one deed ("air strikes
                // killed"): the same dyad and CAMEO root is one event.
                let before = input.trace.map(|_| evs.clone());
                evs.retain(|e| {
                    !clause_events.iter().any(|c| {
                        c.source == e.source
                            && c.target == e.target
                            && c.code.get(..2) == e.code.get(..2)
                    })
                });
                traced(
                    input,
                    &vtexts,
                    before,
                    &evs,
                    "the same deed as an earlier verb's",
                );
            }
            if evs.is_empty() {
                continue;
            }
            let sub = evs[0].subordinate;
            clause_events.extend(evs);
            if !sub {
                had_normal = true;
                if reacts {
                    // The act reacted to is coded as if it came first.
                } else if opts.statecraft && opts.code_by == CodeBy::Clause {
                    // Later verbs of the clause are coded too, where the
                    // parse gives them an actor on each side.
                    ctx.secondary.set(true);
                } else if opts.code_by != CodeBy::All {
                    break;
                }
            }
        }
        if had_normal {
            let before = input.trace.map(|_| clause_events.clone());
            clause_events.retain(|e| !e.subordinate);
            traced(
                input,
                &vtexts,
                before,
                &clause_events,
                "a statement beside a deed",
            );
        }
        // What the next clause inherits.
        if let Some(s) = clause_source.filter(|_| !clause_events.is_empty()) {
            carry = Some(s);
            carry_kind = Carry::Event;
        } else if !clause_verbs.is_empty() {
            carry = units.iter().position(|u| u.first >= lo && u.first < hi);
            carry_kind = if carry.is_some() {
                Carry::First
            } else {
                Carry::None
            };
        } else {
            carry_kind = Carry::None;
        }
        let normal = clause_events.iter().any(|e| !e.subordinate);
        all_events.extend(clause_events);
        if normal && opts.code_by == CodeBy::Sentence {
            sentence_done = true;
        }
    }
    // PETRARCH codes a closing reporting clause ("..., a senior official
    // said on Saturday") as an event of its own.
    if opts.petrarch && !opts.statecraft {
        if let Some(p) = (0..vis.len()).rev().find(|&i| vbarrier[i]) {
            let (lo, hi) = (p + 1, vis.len());
            let matcher = Matcher {
                toks: &vtexts,
                comma: &vcomma,
                units: &units,
                dict,
                lo,
                hi,
            };
            for &(vf, vl, v) in verbs.iter().filter(|v| v.0 >= lo) {
                if all_events.iter().any(|e| e.verb_tokens.0 == vf) {
                    break;
                }
                let (code, bind, pat_src) = resolve_verb(
                    &matcher,
                    dict,
                    blocks,
                    &families[v as usize],
                    opts,
                    &present,
                    (vf, vl),
                    None,
                );
                if !matches!(code, EventCode::Event { .. })
                    || !units.iter().any(|u| u.first >= lo && u.first < vf)
                {
                    continue;
                }
                let mut src = None;
                let evs =
                    ctx.make_events(&code, &bind, pat_src, vf, vl, lo, hi, None, false, &mut src);
                if !evs.is_empty() {
                    all_events.extend(evs);
                    break;
                }
            }
        }
    }
    // A single non-subordinate event removes all subordinate ones.
    let before = input.trace.map(|_| all_events.clone());
    if all_events.iter().any(|e| !e.subordinate) {
        all_events.retain(|e| !e.subordinate);
    }
    traced(
        input,
        &vtexts,
        before,
        &all_events,
        "a statement beside a deed",
    );
    let before = input.trace.map(|_| all_events.clone());
    if all_events.iter().any(|e| e.dominant) {
        all_events.retain(|e| e.dominant);
    }
    traced(
        input,
        &vtexts,
        before,
        &all_events,
        "another pattern dominates",
    );

    // Complexity conditions.
    let cx = &opts.complex;
    let n_verbs = verbs.len();
    let n_conj = bounds.len() - 2;
    let mut complex = flags.complex;
    complex |= cx.verbs.is_some_and(|n| n_verbs >= n);
    complex |= cx.conj.is_some_and(|n| n_conj >= n);
    complex |= cx
        .actors
        .is_some_and(|n| units.iter().filter(|u| !u.pronoun).count() >= n);
    complex |= cx
        .pronouns
        .is_some_and(|n| units.iter().filter(|u| u.pronoun).count() >= n);
    complex |= cx.comma.is_some_and(|n| dropped >= n);
    complex |= cx.noverb && verbs.is_empty();
    if cx.noactprior {
        if let Some(vf) = first_coded_verb.filter(|&v| v > 0) {
            complex |= !units.iter().any(|u| u.first < vf);
        }
    }
    if cx.noactafter {
        if let Some(vf) = first_coded_verb {
            complex |= !units.iter().any(|u| u.first > vf);
        }
    }
    complex |= cx.noevent && all_events.is_empty();
    if let Some(n) = cx.lateverb {
        complex |= verbs.first().is_none_or(|v| v.0 >= n);
    }
    if complex {
        skip(input, "too complex by the options' complexity rules");
        res.complex = true;
        return res;
    }
    // Map visible token positions back to the original tokens.
    let back = |(a, b): (usize, usize)| (vis[a], vis[b]);
    for e in &mut all_events {
        e.verb_tokens = back(e.verb_tokens);
        e.source_tokens = e.source_tokens.map(back);
        e.target_tokens = e.target_tokens.map(back);
    }
    if opts.statecraft {
        statecraft_filters(input, grammar.as_ref(), &texts, &mut all_events);
    }
    if let Some(t) = input.trace {
        crate::explain::modalities(&mut t.borrow_mut(), &texts, &all_events);
    }
    res.events = all_events;
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

/// Stage modality of a verb's events: the modality the words around the
/// verb give (`modal`; the statecraft reading), a refusal the pattern
/// spells or a conditional refusal of a cooperative act, and intentions
/// (`intended`: framed by "plans to" and the like) coded as CAMEO
/// intents.
fn apply_modality(
    evs: &mut Vec<RawEvent>,
    code: &EventCode,
    modal: Option<Modality>,
    pat_src: Option<&str>,
    intended: bool,
    toks: &[&str],
    (lo, vf): (usize, usize),
) {
    // A pattern that spells the negation ("WILL_NOT * TALKS": 125,
    // reject talks) codes the refusal itself, which happened.
    let spelt = pat_src.is_some_and(|p| {
        p.split([' ', '_'])
            .any(|w| matches!(w, "NOT" | "NEVER" | "WON'T" | "NO"))
    });
    let modal = modal.filter(|m| !(spelt && *m == Modality::Negated));
    // "will not improve ties until ...": refusing a cooperative act
    // (roots 03 to 08) on a condition is CAMEO's rejection (12),
    // which happened; a refused hostile act stays negated, and so
    // does a plain "won't meet" (a plan, not a refusal).
    let refused = modal == Some(Modality::Negated)
        && will_not(toks, lo, vf)
        && toks[vf..].iter().any(|t| matches!(*t, "UNTIL" | "UNLESS"))
        && code.code().is_some_and(|c| {
            ["03", "04", "05", "06", "07", "08"]
                .iter()
                .any(|r| c.starts_with(r))
        });
    let modal = if refused {
        let talks = code
            .code()
            .is_some_and(|c| c.starts_with("03") || c.starts_with("04"));
        let with = if talks { "125" } else { "120" };
        // One rejection per dyad: the paired reverse goes.
        evs.retain(|e| code.code() == Some(e.code.as_str()));
        for e in evs.iter_mut() {
            e.code = with.to_string();
        }
        None
    } else {
        modal
    };
    if !intended && modal == Some(Modality::Intended) {
        // A planned visit is the visitor's intent, not yet the
        // host's ("will visit Turkey" has no paired hosting).
        if let Some(primary) = code.code() {
            evs.retain(|e| e.code == primary);
        }
    }
    if intended || modal == Some(Modality::Intended) {
        for e in evs.iter_mut() {
            e.modality = Some(Modality::Intended);
            if !intended {
                let future = intent_code(&EventCode::Event {
                    code: e.code.as_str().into(),
                    paired: None,
                    subordinate: false,
                    dominant: false,
                });
                if let Some(c) = future.code() {
                    e.code = c.to_string();
                }
            }
        }
    }
    if let Some(m @ (Modality::Hypothetical | Modality::Negated)) = modal {
        for e in evs.iter_mut() {
            e.modality = Some(m);
        }
    }
}

/// The statecraft reading's filters on a sentence's events (token
/// positions in the original sentence): abductions, bombings, one-way acts, and
/// reported speech (the reporter is no party to what it reports).
fn statecraft_filters(
    input: &SentenceInput<'_>,
    grammar: Option<&crate::grammar::Grammar<'_>>,
    texts: &[&str],
    all_events: &mut Vec<RawEvent>,
) {
    crate::filters::abductions(all_events, texts);
    crate::filters::bombings(all_events, texts);
    let before = input.trace.map(|_| all_events.clone());
    crate::filters::one_way(all_events, texts);
    traced(
        input,
        texts,
        before,
        all_events,
        "the mirror of a one-way act",
    );
    let reports = texts.iter().any(|t| crate::grammar::may_report(t));
    let before = input.trace.map(|_| all_events.clone());
    let Some(g) = grammar.filter(|_| reports && !all_events.is_empty()) else {
        return;
    };
    // Reported speech codes what is reported, not the reporter:
    // "The New York Times said dozens of Russians had been killed".
    // A deed (coercion, assault, force: roots 17 to 20) coded by a
    // pattern of the reporting verb itself is not the reporter's.
    all_events.retain(|e| {
        let deed = ["17", "18", "19", "20"]
            .iter()
            .any(|r| e.code.starts_with(r));
        let reporter = |t: Option<(usize, usize)>| {
            t.is_some_and(|t| {
                g.reported_by(e.verb_tokens.0, t.1) || (deed && g.reporter_of(e.verb_tokens.0, t.1))
            })
        };
        !reporter(e.source_tokens) && !reporter(e.target_tokens)
    });
    traced(
        input,
        texts,
        before,
        all_events,
        "reported speech: the reporter is no party to what it reports",
    );
}

type Present = rustc_hash::FxHashSet<String>;

/// Whether the verb at `vf` is refused in the future: "will not", "will
/// never", "won't" within the four tokens before it.
fn will_not(toks: &[&str], lo: usize, vf: usize) -> bool {
    let from = vf.saturating_sub(4).max(lo);
    let before = &toks[from..vf];
    before.iter().any(|t| matches!(*t, "WON'T" | "WONT"))
        || before
            .windows(2)
            .any(|w| w[0] == "WILL" && matches!(w[1], "NOT" | "NEVER"))
}

/// Records, for `explain`, why the whole sentence was set aside.
fn skip(input: &SentenceInput<'_>, why: &str) {
    if let Some(t) = input.trace {
        t.borrow_mut().skipped = Some(why.to_string());
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Carry {
    None,
    Event,
    First,
}

enum TimeCode {
    Days(i32),
    Discard,
    Complex,
}

fn time_code(dict: &Dictionary, v: u32, texts: &[&str], l: &Lexeme) -> Option<TimeCode> {
    let verb = &dict.verbs[v as usize];
    let units: Vec<Unit> = Vec::new();
    let comma: Vec<bool> = texts.iter().map(|t| *t == ",").collect();
    let m = Matcher {
        toks: texts,
        comma: &comma,
        units: &units,
        dict,
        lo: 0,
        hi: texts.len(),
    };
    let mut code = &verb.code;
    let mut best: Option<(u32, &EventCode)> = None;
    for p in &dict.blocks[verb.block as usize].patterns {
        if let Some(b) = m.try_pattern(p, l.first, l.last) {
            if best.is_none_or(|(len, _)| b.len > len) {
                best = Some((b.len, &p.code));
            }
        }
    }
    if let Some((_, c)) = best {
        code = c;
    }
    match code {
        EventCode::Event { code, .. } => code.parse().ok().map(TimeCode::Days),
        EventCode::Discard => Some(TimeCode::Discard),
        EventCode::Complex => Some(TimeCode::Complex),
        EventCode::Null => None,
    }
}

/// The first discard phrase that occurs in the sentence.
fn discarded(
    texts: &[&str],
    discards: &PhraseIndex,
    exempt: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let mut ids = Vec::new();
    let (mut scratch, mut scratch_next) = (Vec::new(), Vec::new());
    let mut at = Vec::new();
    for i in 0..texts.len() {
        ids.clear();
        discards.candidates(
            texts[i],
            texts.get(i + 1).copied(),
            &mut scratch,
            &mut scratch_next,
            &mut ids,
        );
        if let Some(&id) = ids.iter().find(|&&id| {
            !exempt(&discards.entry(id).phrase.display())
                && PhraseIndex::match_phrase_into(
                    &discards.entry(id).phrase,
                    texts,
                    i,
                    &|_| false,
                    &mut at,
                )
        }) {
            return Some(discards.entry(id).phrase.display());
        }
    }
    None
}

/// Actor units: single actors, compounds and resolved pronouns, in text order.
fn build_units(
    lx: &[Lexeme],
    groups: &[Vec<usize>],
    forwarded: Option<&[ActorCode]>,
    elim: &[bool],
    pronouns: bool,
) -> Vec<Unit> {
    let alive = |k: usize| (lx[k].first..=lx[k].last).all(|t| !elim[t]);
    let groups: Vec<Vec<usize>> = groups
        .iter()
        .map(|g| g.iter().copied().filter(|&k| alive(k)).collect())
        .collect();
    let mut group_of = vec![None; lx.len()];
    for (g, members) in groups.iter().enumerate() {
        for &k in members {
            group_of[k] = Some(g);
        }
    }
    let mut units: Vec<Unit> = Vec::new();
    let mut done_group = vec![false; groups.len()];
    for (k, l) in lx.iter().enumerate() {
        if !alive(k) {
            continue;
        }
        match &l.class {
            Class::Actor(_) => {
                if let Some(g) = group_of[k].filter(|&g| groups[g].len() > 1) {
                    if done_group[g] {
                        continue;
                    }
                    done_group[g] = true;
                    let mut members: Vec<Member> = Vec::new();
                    for &m in &groups[g] {
                        if let Class::Actor(codes) = &lx[m].class {
                            for c in codes {
                                if !members.iter().any(|x| &x.code == c) {
                                    members.push(Member {
                                        code: c.clone(),
                                        tokens: (lx[m].first, lx[m].last),
                                    });
                                }
                            }
                        }
                    }
                    let first = groups[g].iter().map(|&m| lx[m].first).min().unwrap();
                    let last = groups[g].iter().map(|&m| lx[m].last).max().unwrap();
                    units.push(Unit {
                        first,
                        last,
                        members,
                        compound: true,
                        pronoun: false,
                    });
                } else if let Class::Actor(codes) = &l.class {
                    let members = codes
                        .iter()
                        .map(|c| Member {
                            code: c.clone(),
                            tokens: (l.first, l.last),
                        })
                        .collect();
                    units.push(Unit {
                        first: l.first,
                        last: l.last,
                        members,
                        compound: codes.len() > 1,
                        pronoun: false,
                    });
                }
            }
            // PETRARCH does not resolve pronouns.
            Class::Pronoun(kind) if pronouns => {
                let prior: Vec<&Unit> = units.iter().filter(|u| !u.pronoun).collect();
                let referent: Option<Vec<Member>> = match kind {
                    Pron::Subject | Pron::Possessive => prior.first().map(|u| u.members.clone()),
                    Pron::Plural => prior
                        .iter()
                        .find(|u| u.compound)
                        .or(prior.first())
                        .map(|u| u.members.clone()),
                };
                let referent = referent.or_else(|| {
                    let f = forwarded?;
                    let first = f.first()?;
                    Some(vec![Member {
                        code: first.clone(),
                        tokens: (l.first, l.last),
                    }])
                });
                if let Some(members) = referent {
                    let compound = members.len() > 1;
                    let members = members
                        .into_iter()
                        .map(|m| Member {
                            tokens: (l.first, l.last),
                            ..m
                        })
                        .collect();
                    units.push(Unit {
                        first: l.first,
                        last: l.last,
                        members,
                        compound,
                        pronoun: true,
                    });
                }
            }
            _ => {}
        }
    }
    units.sort_by_key(|u| u.first);
    units
}

/// The code of a verb occurrence: the best-matching pattern, else the
/// verb's own code.
/// Per pattern block: patterns keyed by one word they require, so a verb
/// only tries the patterns whose words occur in the sentence.
#[derive(Default)]
pub(crate) struct BlockIndex {
    by_word: std::collections::HashMap<Box<str>, Vec<u32>, rustc_hash::FxBuildHasher>,
    always: Vec<u32>,
}

impl BlockIndex {
    pub(crate) fn build(block: &statecraft_dict::Block) -> BlockIndex {
        let mut ix = BlockIndex::default();
        for (i, p) in block.patterns.iter().enumerate() {
            // The longest required word is the most selective key.
            match p.required.iter().max_by_key(|w| w.len()) {
                Some(w) => ix.by_word.entry(w.clone()).or_default().push(i as u32),
                None => ix.always.push(i as u32),
            }
        }
        ix
    }
}

#[allow(clippy::too_many_arguments)]
fn resolve_verb<'d>(
    m: &Matcher<'_>,
    dict: &'d Dictionary,
    blocks: &[BlockIndex],
    family: &[u32],
    opts: &Options,
    present: &Present,
    (vf, vl): (usize, usize),
    mut tried: Option<&mut Vec<String>>,
) -> (EventCode, Bind, Option<&'d str>) {
    // Candidate patterns of every block of the verb's family (verbs written
    // in several blocks share all their patterns), longest first.
    let mut cands: Vec<(u32, usize, u32)> = Vec::new(); // (block, family rank, pattern)
    for (rank, &v) in family.iter().enumerate() {
        let b = dict.verbs[v as usize].block;
        let ix = &blocks[b as usize];
        cands.extend(ix.always.iter().map(|&p| (b, rank, p)));
        for w in present {
            if let Some(ps) = ix.by_word.get(w.as_str()) {
                cands.extend(ps.iter().map(|&p| (b, rank, p)));
            }
        }
    }
    let pat = |c: &(u32, usize, u32)| &dict.blocks[c.0 as usize].patterns[c.2 as usize];
    // Of two patterns as long, the family's first verb's wins (a later
    // file's, an overlay's: see `verb_families`).
    cands.sort_by_key(|c| (std::cmp::Reverse(pat(c).length), c.1, c.2));
    cands.dedup();
    let mut best: Option<(Bind, &statecraft_dict::Pattern)> = None;
    for c in &cands {
        let p = pat(c);
        // Sorted longest first: a pattern cannot beat a match whose actual
        // length is already at least its full length.
        if best.as_ref().is_some_and(|(b, _)| b.len >= p.length) {
            break;
        }
        // PETRARCH ignores the complexity code in patterns.
        if opts.petrarch && p.code == EventCode::Complex {
            continue;
        }
        if !p.required.iter().all(|w| present.contains(&**w)) {
            continue;
        }
        // A pattern with no content words of its own written for another
        // verb of its block ("$ * + [046] # RECEIVE" beside GET and WIN,
        // "* TO [020] # LOOK" beside APPEAR) says nothing of this one
        // (statecraft reading).
        if opts.statecraft
            && p.bare()
            && !p.written_for.is_empty()
            && !p.written_for.contains(&family[c.1])
        {
            continue;
        }
        let matched = m.try_pattern(p, vf, vl);
        if let Some(t) = tried.as_deref_mut() {
            let mark = if matched.is_some() { " (matched)" } else { "" };
            t.push(format!("{}{mark}", p.source));
        }
        if let Some(b) = matched {
            if best.as_ref().is_none_or(|(bb, _)| b.len > bb.len) {
                best = Some((b, p));
            }
        }
    }
    match best {
        Some((b, p)) => (p.code.clone(), b, Some(&p.source)),
        None => (own_code(dict, family).clone(), Bind::default(), None),
    }
}

/// A verb's own code: the first set one in its family, whose later files
/// (overlays) come first.
fn own_code<'d>(dict: &'d Dictionary, family: &[u32]) -> &'d EventCode {
    family
        .iter()
        .map(|&v| &dict.verbs[v as usize].code)
        .find(|c| **c != EventCode::Null)
        .unwrap_or(&dict.verbs[family[0] as usize].code)
}

struct Ctx<'a> {
    vis: &'a [usize],
    toks: &'a [&'a str],
    /// Visible positions of clause-delimiting commas.
    barrier: &'a [bool],
    units: &'a [Unit],
    opts: &'a Options,
    /// The country of roles named without one (statecraft reading).
    context: Option<&'a str>,
    /// The tags and parse (statecraft reading, where one was made).
    grammar: Option<&'a crate::grammar::Grammar<'a>>,
    /// Where `explain` records candidates.
    trace: Option<&'a RefCell<SentenceTrace>>,
    /// Whether an earlier verb of the clause made an event: then only
    /// events whose source and target the parse gives are made.
    secondary: std::cell::Cell<bool>,
}

type Side = Vec<(ActorCode, Option<(usize, usize)>)>;

/// A verb's participants by the parse, as units (stage arguments).
#[derive(Default)]
struct TreeRoles {
    /// Who acts, coordinated ones after the first.
    agents: Vec<usize>,
    /// Who is acted on.
    patient: Option<usize>,
    /// Patients coordinated with the chosen one.
    co_patients: Vec<usize>,
    /// Places where it happens: never actors.
    places: Vec<usize>,
    /// Whoever acts is not an actor ("a car bomb exploded", "stocks
    /// rose"): no source is looked for elsewhere.
    faceless: bool,
    /// The pattern names its target before an active verb and its source
    /// after it ("+ * SUPPORT FROM $"): the pattern's slots, not the
    /// subject and object, say who acts on whom.
    inverted: bool,
    /// The verb is passive.
    passive: bool,
}

impl Ctx<'_> {
    /// Whether unit `b` has a code that unit `a` lacks.
    fn distinct(&self, a: usize, b: usize) -> bool {
        let (ua, ub) = (&self.units[a], &self.units[b]);
        !ub.members
            .iter()
            .all(|m| ua.members.iter().any(|x| x.code == m.code))
    }

    /// The authority a passive act of law at visible token `vf` implies,
    /// and the act's code where it is not the dictionary's: the role under
    /// the country where it happened, else the one acted on's, else the
    /// story's. None for other acts, or where no one is acted on.
    fn implied_authority(
        &self,
        vf: usize,
        t: &TreeRoles,
    ) -> Option<(ActorCode, Option<&'static str>)> {
        const NOT_STATES: &[&str] = &["IGO", "NGO", "IMG", "MNC"];
        let a = crate::implied::authority(self.toks[vf])?;
        let patient = t.patient?;
        let state = |u: usize| {
            self.units[u]
                .members
                .iter()
                .find_map(|m| m.code.country().filter(|c| !NOT_STATES.contains(c)))
        };
        let country = t
            .places
            .iter()
            .find_map(|&u| state(u))
            .or_else(|| state(patient))
            .or(self.context)?;
        Some((ActorCode::new(format!("{country}{}", a.role)), a.code))
    }

    fn side(&self, u: usize) -> Side {
        self.units[u]
            .members
            .iter()
            .map(|m| (m.code.clone(), Some(self.span(m.tokens))))
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn make_events(
        &self,
        code: &EventCode,
        bind: &Bind,
        pattern: Option<&str>,
        vf: usize,
        vl: usize,
        lo: usize,
        hi: usize,
        carried: Option<usize>,
        prefer_own: bool,
        clause_source: &mut Option<usize>,
    ) -> Vec<RawEvent> {
        let EventCode::Event {
            code,
            paired,
            subordinate,
            dominant,
        } = code
        else {
            return Vec::new();
        };
        // Stage arguments (statecraft reading): the parse's subject,
        // object and obliques decide who acts on whom; places are where.
        let parsed = self.tree_roles(vf, vl, pattern);
        // A compound the pattern places ("* BETWEEN %") is the pattern's;
        // a later verb of the clause takes it where the parse makes it a
        // participant ("the failure of talks between Khartoum and the
        // rebels").
        let (tree, compound_parsed) = match bind.compound {
            None => (parsed, false),
            Some(c) => {
                let cu = &self.units[c];
                let overlaps = |u: &usize| {
                    let u = &self.units[*u];
                    u.first <= cu.last && cu.first <= u.last
                };
                // Or right after it, whatever the parse attached it to.
                let adjacent = cu.first > vl && cu.first <= vl + 2;
                let takes_part = adjacent
                    || parsed.as_ref().is_some_and(|t| {
                        t.agents.iter().any(overlaps)
                            || t.patient.iter().any(overlaps)
                            || t.co_patients.iter().any(overlaps)
                    });
                (None, takes_part)
            }
        };
        if self.secondary.get() && tree.is_none() && !compound_parsed {
            return Vec::new();
        }
        // A place visited is the host of a visit ("arrived in China"), and
        // a party; so is a place a pattern of meeting or intent names ("$
        // * + IN ^"). A verb that meets only by its block's default code
        // ("faced defeat in Iraq": 040) meets no place.
        let hosts = ["042", "043"].iter().any(|r| code.starts_with(r))
            || (pattern.is_some() && ["03", "04"].iter().any(|r| code.starts_with(r)));
        let places: &[usize] = match &tree {
            Some(t) if !hosts => &t.places,
            _ => &[],
        };
        let in_clause = |i: usize| {
            let u = &self.units[i];
            u.first >= lo && u.first < hi && !bind.skipped.contains(&i) && !places.contains(&i)
        };
        let n = self.units.len();
        let mut source = bind.source;
        let mut target = bind.target;
        // How a compound pairs with itself: "%" codes both directions,
        // a default self-target only the forward one (plus a paired code).
        let mut self_pairs: Option<bool> = None;
        if let Some(c) = bind.compound {
            source = Some(c);
            target = Some(c);
            self_pairs = Some(true);
        }
        let designated = bind.source.is_some() || bind.target.is_some() || bind.compound.is_some();
        // An act that runs both ways between coordinated sides: the
        // dictionary pairs its code with the reverse, or it is mutual by
        // nature (a meeting, a clash).
        let mutual =
            paired.is_some() || crate::filters::mutual(code, self.toks.get(vf..=vl).unwrap_or(&[]));
        if let (Some(t), Some(trace)) = (&tree, self.trace) {
            self.trace_roles(&mut trace.borrow_mut(), t);
        }
        // The authority a passive act of law implies (stage implied).
        let mut implied: Option<(ActorCode, Option<&'static str>)> = None;
        if let Some(t) = &tree {
            if t.faceless {
                return Vec::new();
            }
            // "Two Americans were abducted from their home in Baghdad":
            // a passive that names no agent has no source, unless the
            // pattern places one that is not a place (the guide: not
            // coded).
            let placed_source = bind.source.is_some_and(|s| !t.places.contains(&s));
            // Unless only an authority does it ("was arrested"), whoever
            // the pattern makes its source.
            if t.passive && t.agents.is_empty() {
                implied = self.implied_authority(vf, t);
            }
            if t.passive && t.agents.is_empty() && (implied.is_some() || !placed_source) {
                if let Some(trace) = self.trace {
                    trace.borrow_mut().note(match implied {
                        Some(_) => "a passive without its agent: an act of law, by the authorities",
                        None => "a passive without its agent: no event",
                    });
                }
                if implied.is_none() {
                    return Vec::new();
                }
                source = None;
            }
            if self.secondary.get() && (t.agents.is_empty() || t.patient.is_none()) {
                return Vec::new();
            }
            // A verb of saying with no pattern of its own ("said", "told")
            // and someone it acts on by the parse is a statement to the
            // press or about someone in what is said: no event.
            if pattern.is_none() && code.starts_with("01") && t.patient.is_some() {
                if let Some(trace) = self.trace {
                    trace
                        .borrow_mut()
                        .note("a statement with no pattern: no event");
                }
                return Vec::new();
            }
            if let Some(&a) = t.agents.first() {
                source = Some(a);
            }
            match t.patient {
                Some(p) => target = Some(p),
                None if target.is_some_and(|x| places.contains(&x)) => target = None,
                None => {}
            }
            // Only where the parse agrees on who is who: the pattern's
            // target is the subject and its source the one acted on.
            let agrees = t.agents.first().is_some_and(|&a| bind.target == Some(a))
                && t.patient.is_some_and(|p| bind.source == Some(p));
            if t.inverted && agrees {
                std::mem::swap(&mut source, &mut target);
            }
            let several =
                t.agents.len() > 1 || t.agents.first().is_some_and(|&a| self.units[a].compound);
            if t.patient.is_none() && several && mutual {
                // "Insurgents and American forces clashed".
                target = source;
                self_pairs = Some(true);
            }
        }
        let petrarch = self.opts.petrarch;
        if petrarch {
            // PETRARCH reads % as the compound in its position: the
            // object after the verb, the subject before it. (The
            // statecraft reading pairs its members: "talks between
            // Khartoum and the rebels".)
            if let Some(c) = bind.compound.filter(|_| !self.opts.statecraft) {
                self_pairs = None;
                if self.units[c].first > vl {
                    source = None;
                } else {
                    target = None;
                }
            }
        }
        // PETRARCH looks for the object within the verb's own comma clause.
        let reachable = |i: usize| {
            let u = &self.units[i];
            if !petrarch {
                return true;
            }
            let (a, b) = if u.first > vl {
                (vl + 1, u.first)
            } else {
                (u.last + 1, vf)
            };
            // Nor does it look into a subordinate clause ("after a hafling
            // was reported on the pass of Cirith Ungol").
            let subordinate = u.first > vl
                && !self.opts.statecraft
                && (a..b).any(|p| SUBORDINATORS.contains(&self.toks[p]));
            !(a..b).any(|p| self.barrier[p]) && !subordinate
        };
        let before_verb =
            (0..n).find(|&i| in_clause(i) && self.units[i].first < vf && reachable(i));
        let after_verb = (0..n).find(|&i| in_clause(i) && self.units[i].first > vl);
        if source.is_none() && implied.is_none() {
            source = match target {
                Some(t) => (0..n).find(|&i| in_clause(i) && self.distinct(t, i)),
                None if prefer_own => before_verb.or(carried).or(after_verb.filter(|_| !petrarch)),
                None if petrarch => carried.or(before_verb),
                None => carried.or(before_verb).or(after_verb),
            };
        }
        // With a parse that names no one acted on, an actor is the
        // target only below the verb ("a man who died after ... has
        // demanded the chief constable resign": the constable is not the
        // dead man's).
        let governed = |i: usize| {
            let u = &self.units[i];
            match (&tree, self.grammar) {
                (Some(_), Some(g)) => g.below(
                    (self.vis[vf], self.vis[vl]),
                    self.vis[u.first],
                    self.vis[u.last],
                ),
                _ => true,
            }
        };
        if target.is_none() {
            if let Some(s) = source {
                let after = (0..n).find(|&i| {
                    in_clause(i)
                        && self.units[i].first > vl
                        && self.distinct(s, i)
                        && reachable(i)
                        && governed(i)
                });
                let before = (0..n).rev().find(|&i| {
                    !petrarch
                        && in_clause(i)
                        && self.units[i].first < vf
                        && self.distinct(s, i)
                        && governed(i)
                });
                target = after.or(before);
                if self.opts.statecraft {
                    if let Some(u) = self.exemplified(vl, hi) {
                        target = Some(u);
                    }
                }
                // Coordinated actors act on each other only in a mutual act
                // (statecraft reading): "South Korean and U.S. officials
                // said" is no statement of one to the other.
                if target.is_none() && self.units[s].compound && (!self.opts.statecraft || mutual) {
                    target = Some(s);
                    self_pairs = Some(petrarch && bind.compound.is_some());
                }
            }
        }
        // Passive voice: an auxiliary shortly before the verb and BY just
        // after it reverse the roles, unless the pattern placed them.
        if !designated
            && tree.is_none()
            && self_pairs.is_none()
            && source.is_some()
            && target.is_some()
            && self.passive(vf, vl)
        {
            std::mem::swap(&mut source, &mut target);
        }
        let mut src: Side = source.map(|s| self.side(s)).unwrap_or_default();
        let code: &str = match &implied {
            Some((authority, act)) => {
                src = vec![(authority.clone(), None)];
                act.unwrap_or(code)
            }
            None => code,
        };
        let mut tgt: Side = target.map(|t| self.side(t)).unwrap_or_default();
        if let Some(t) = &tree {
            // Coordinated agents or patients in units of their own.
            let more = |side: &mut Side, units: &[usize]| {
                for m in units.iter().flat_map(|&u| self.side(u)) {
                    if !side.contains(&m) {
                        side.push(m);
                    }
                }
            };
            let (actors, acted_on) = if t.inverted && source == t.patient {
                (&mut tgt, &mut src)
            } else {
                (&mut src, &mut tgt)
            };
            if !actors.is_empty() {
                more(actors, t.agents.get(1..).unwrap_or(&[]));
            }
            if t.patient
                .is_some_and(|p| [source, target].contains(&Some(p)))
            {
                more(acted_on, &t.co_patients);
            }
        }
        // Whether the target in hand is an actor after the verb (for AFTER).
        let mut target_after =
            target.is_some_and(|t| self.units[t].first > vl) && self_pairs != Some(false);
        if let Some(d) = &self.opts.default_source {
            if src.is_empty()
                || (self.opts.default_source_prior
                    && before_verb.is_none()
                    && carried.is_none()
                    && !designated)
            {
                if let Some(s) = source.filter(|_| target.is_none() || self_pairs == Some(false)) {
                    // The only actor found is after the verb: it is the target.
                    tgt = self.side(s);
                    target_after = self.units[s].first > vl;
                    self_pairs = None;
                }
                src = vec![(ActorCode::new(d.as_str()), None)];
            }
        }
        if let Some(d) = &self.opts.default_target {
            if tgt.is_empty() || (self.opts.default_target_after && !target_after && !designated) {
                tgt = vec![(ActorCode::new(d.as_str()), None)];
                self_pairs = None;
            }
        }
        if !self.opts.require_dyad {
            if src.is_empty() {
                src = vec![(ActorCode::unknown(), None)];
            }
            if tgt.is_empty() {
                tgt = vec![(ActorCode::unknown(), None)];
            }
        }
        if src.is_empty() || tgt.is_empty() {
            return Vec::new();
        }
        *clause_source = source;
        let mut out: Vec<RawEvent> = Vec::new();
        let statecraft = self.opts.statecraft;
        let mut push = |s: &(ActorCode, Option<(usize, usize)>),
                        t: &(ActorCode, Option<(usize, usize)>),
                        c: &str| {
            let placed = |a: &(ActorCode, Option<(usize, usize)>)| match self.context {
                Some(c)
                    if statecraft
                        && a.0.country_unknown()
                        && a.0.has_roles()
                        && !a.1.is_some_and(|span| {
                            crate::places::beyond_nations(self.toks, span.0, span.1)
                        }) =>
                {
                    (a.0.with_country(c), a.1)
                }
                _ => a.clone(),
            };
            let (s, t) = (&placed(s), &placed(t));
            let verdict = |kept: bool, why: &str| {
                if let Some(tr) = self.trace {
                    let verb = crate::explain::words(self.toks, (vf, vl));
                    tr.borrow_mut()
                        .candidate(s.0.as_str(), t.0.as_str(), c, &verb, kept, why);
                }
            };
            if s.0 == t.0 && s.0 != ActorCode::UNKNOWN {
                verdict(false, "an actor acting on itself");
                return;
            }
            if statecraft && !sensible_dyad(&s.0, &t.0) {
                verdict(
                    false,
                    "not a sensible dyad (unknown country, or a country on itself)",
                );
                return;
            }
            verdict(true, "coded");
            let ev = RawEvent {
                source: s.0.clone(),
                target: t.0.clone(),
                code: c.to_string(),
                source_tokens: s.1,
                target_tokens: t.1,
                verb_tokens: (vf, vl),
                pattern: pattern.map(str::to_string),
                // CAMEO: statements (root 01) are subordinate events.
                subordinate: *subordinate || (statecraft && c.starts_with("01")),
                dominant: *dominant,
                modality: None,
            };
            if !out.contains(&ev) {
                out.push(ev);
            }
        };
        // A visit's paired hosting (043) is the host's act only where the
        // text presents it as host ("hosted", "welcomed"), which the
        // pattern's own code says (statecraft reading).
        let host = |p: &str| statecraft && p == "043" && code != "043";
        let paired = paired.as_deref().filter(|p| !host(p));
        let hosting_dropped = self.opts.statecraft && paired.is_none() && code == "042";
        match self_pairs {
            Some(both) => {
                for i in 0..src.len() {
                    for j in i + 1..src.len() {
                        push(&src[i], &src[j], code);
                        match (paired, both) {
                            (Some(p), _) => push(&src[j], &src[i], p),
                            (None, true) if !hosting_dropped => push(&src[j], &src[i], code),
                            (None, _) => {}
                        }
                    }
                }
            }
            None => {
                // "Annan meets with visiting Iraqi Prime Minister Allawi":
                // the visitor visits (042), the one met hosts (043).
                let visiting = statecraft
                    && code.starts_with("04")
                    && target.is_some_and(|t| {
                        let first = self.units[t].first;
                        first > 0 && self.toks[first - 1] == "VISITING"
                    });
                for s in &src {
                    for t in &tgt {
                        if visiting {
                            push(s, t, "043");
                            push(t, s, "042");
                            continue;
                        }
                        push(s, t, code);
                        if let Some(p) = paired {
                            push(t, s, p);
                        }
                    }
                }
            }
        }
        out
    }

    /// The participants the parse gives the verb at visible tokens
    /// `vf..=vl` (stage arguments), as units. The target is the patient
    /// whose preposition the pattern names before its `+` ("* TALKS WITH
    /// +"), else the direct object, else the first patient.
    fn tree_roles(&self, vf: usize, vl: usize, pattern: Option<&str>) -> Option<TreeRoles> {
        if !self.opts.statecraft {
            return None;
        }
        let grammar = self.grammar?;
        let spans: Vec<(usize, usize)> = self
            .units
            .iter()
            .map(|u| (self.vis[u.first], self.vis[u.last]))
            .collect();
        let named: Vec<bool> = self
            .units
            .iter()
            .map(|u| u.members.iter().any(|m| !m.code.country_unknown()))
            .collect();
        // The head of a phrasal verb is its first word.
        let roles = grammar.roles(self.vis[vf], &spans, &named).or_else(|| {
            (vl > vf)
                .then(|| grammar.roles(self.vis[vl], &spans, &named))
                .flatten()
        })?;
        let words: Vec<&str> = pattern.map_or(Vec::new(), |p| p.split_whitespace().collect());
        let slot = |mark: &str| words.iter().position(|w| *w == mark);
        // The preposition the pattern puts before a slot ("WITH +").
        let prep_before = |at: usize| {
            let before = words.get(at.checked_sub(1)?)?;
            (before.chars().all(|c| c.is_ascii_alphabetic())).then(|| before.to_lowercase())
        };
        let prep = slot("+").and_then(prep_before);
        // "+ * SUPPORT FROM $": the target before the verb, the source
        // after it as where something came from. (Other prepositions mark
        // headline passives read against an active verb: "+ * IN $" is
        // "two killed in $ raid", not "Israel killed two in Gaza".)
        let verb_at = words.iter().position(|w| w.contains('*'));
        let source_after = match (slot("+"), verb_at, slot("$")) {
            (Some(t), Some(v), Some(s)) if t < v && v < s => {
                prep_before(s).as_deref() == Some("from")
            }
            _ => false,
        };
        let mut out = TreeRoles::default();
        let mut patients: Vec<(usize, Option<String>)> = Vec::new();
        out.faceless = roles.iter().any(|(u, r)| u.is_none() && *r == Role::Agent)
            && !roles.iter().any(|(u, r)| u.is_some() && *r == Role::Agent);
        for (u, role) in roles {
            let Some(u) = u else { continue };
            match role {
                Role::Agent => out.agents.push(u),
                Role::Patient(case) => patients.push((u, case)),
                // "fired rockets at an Israeli town": a place the pattern
                // names as its target ("* ROCKETS AT +") is a party, unless
                // it is only where ("in").
                Role::Place(case) if prep.as_deref() == Some(case.as_str()) && case != "in" => {
                    patients.push((u, Some(case)))
                }
                Role::Place(_) => out.places.push(u),
            }
        }
        patients.retain(|(u, _)| !out.agents.contains(u));
        out.passive = grammar.passive(self.vis[vf]);
        out.inverted = source_after && !out.passive;
        let chosen = patients
            .iter()
            .position(|(_, c)| prep.is_some() && *c == prep)
            .or_else(|| patients.iter().position(|(_, c)| c.is_none()))
            .or((!patients.is_empty()).then_some(0));
        if let Some(i) = chosen {
            let case = patients[i].1.clone();
            out.patient = Some(patients[i].0);
            out.co_patients = patients
                .iter()
                .skip(i + 1)
                .filter(|(_, c)| *c == case)
                .map(|(u, _)| *u)
                .collect();
        }
        Some(out)
    }

    /// Records the parse's participants on the last predicate traced.
    fn trace_roles(&self, trace: &mut SentenceTrace, t: &TreeRoles) {
        let name = |u: usize| {
            let u = &self.units[u];
            crate::explain::words(self.toks, (u.first, u.last))
        };
        if let Some(p) = trace.predicates.last_mut() {
            p.agents = t.agents.iter().map(|&u| name(u)).collect();
            p.patient = t.patient.map(name);
            p.places = t.places.iter().map(|&u| name(u)).collect();
        }
        if t.faceless {
            trace.note("the subject is not an actor: no event");
        }
    }

    fn span(&self, t: (usize, usize)) -> (usize, usize) {
        let find = |o: usize| self.vis.iter().position(|&v| v == o).unwrap_or(0);
        (find(t.0), find(t.1))
    }

    /// "relations with countries ..., such as North Korea and Russia": the
    /// actors named after SUCH AS / INCLUDING stand for the generic plural.
    fn exemplified(&self, vl: usize, hi: usize) -> Option<usize> {
        const GENERIC: &[&str] = &[
            "COUNTRIES",
            "NATIONS",
            "STATES",
            "GOVERNMENTS",
            "ALLIES",
            "PARTNERS",
            "NEIGHBORS",
            "NEIGHBOURS",
            "POWERS",
            "REGIMES",
            "MEMBERS",
        ];
        let hi = hi.min(self.toks.len());
        let at = (vl + 1..hi).find(|&p| {
            (self.toks[p] == "SUCH" && self.toks.get(p + 1) == Some(&"AS"))
                || self.toks[p] == "INCLUDING"
        })?;
        if !(vl + 1..at).any(|p| GENERIC.contains(&self.toks[p])) {
            return None;
        }
        self.units.iter().position(|u| u.first > at && u.first < hi)
    }

    /// WAS/WERE/BEEN one or two words before the verb and BY within two
    /// words after it.
    fn passive(&self, vf: usize, vl: usize) -> bool {
        let aux = |p: usize| matches!(self.toks[p], "WAS" | "WERE" | "BEEN");
        let before = (vf >= 1 && aux(vf - 1)) || (vf >= 2 && aux(vf - 2));
        let by = (vl + 1..(vl + 3).min(self.toks.len())).any(|p| self.toks[p] == "BY");
        before && by
    }
}

/// The country of the first place `text` names (a dateline's).
pub(crate) fn first_country(
    text: &str,
    lexicon: Lexicon<'_>,
    date: Date,
    opts: &Options,
) -> Option<String> {
    let toks: Vec<Token> = statecraft_text::tokenize(text);
    let texts: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    let mut flags = Flags::default();
    let lx = analysis::lex(
        &toks,
        &texts,
        lexicon.dict,
        lexicon.index,
        date,
        is_all_caps(text),
        opts,
        &mut flags,
        &[],
    );
    lx.iter().find_map(|l| match &l.class {
        Class::Actor(codes) => codes
            .iter()
            .find(|c| crate::places::is_place_code(c))
            .and_then(|c| c.country())
            .map(str::to_string),
        _ => None,
    })
}

/// Whether a dyad makes sense as an event: both actors known, and not a
/// country acting on itself (`SYR`→`SYRGOV`, `KORGOV`→`KORGOV`). Domestic
/// events between different roles (`SYRREB`→`SYRGOV`) are kept.
fn sensible_dyad(source: &ActorCode, target: &ActorCode) -> bool {
    // `~GOV`: an agent standing alone (TABARI's convert-agents).
    let placeholder = |c: &ActorCode| c.as_str().contains('~');
    if source.country_unknown()
        || target.country_unknown()
        || placeholder(source)
        || placeholder(target)
    {
        return false;
    }
    let (a, b) = (source.country(), target.country());
    if a.is_none() || a != b {
        return true;
    }
    source.has_roles() && target.has_roles() && source != target
}

/// Words that open a subordinate clause, which PETRARCH's parse keeps
/// apart from the verb's own object.
const SUBORDINATORS: &[&str] = &[
    "AFTER", "BEFORE", "WHEN", "WHILE", "BECAUSE", "SINCE", "UNTIL", "UNLESS", "ALTHOUGH",
    "THOUGH", "IF", "WHERE", "WHEREAS", "WHICH", "WHO", "WHOSE",
];

/// Words that frame an intention when they govern a verb through TO, OF,
/// IN or FOR ("plans to", "the possibility of", "interest in").
const INTENT_STEMS: &[&str] = &[
    "PLAN",
    "INTEND",
    "INTENTION",
    "INTENT",
    "SEEK",
    "SOUGHT",
    "AIM",
    "WANT",
    "HOPE",
    "WISH",
    "PREPAR",
    "CONSIDER",
    "MULL",
    "WEIGH",
    "WILLING",
    "READY",
    "READINESS",
    "EAGER",
    "KEEN",
    "POSSIBILITY",
    "PROSPECT",
    "INTEREST",
    "DESIRE",
    "PLEDG",
    "VOW",
    "DETERMINED",
    "TRY",
    "TRIE",
    "ATTEMPT",
    "EXPECT",
    "PROPOS",
    "COMMIT",
    "OFFER",
    "PROMIS",
    "LOOKING",
    "PUSH",
    "BID",
    "THREAT",
];

/// Verbs that express a cue noun: "expressed interest in", "showed
/// willingness to".
const EXPRESSION_VERBS: &[&str] = &[
    "EXPRESS", "SHOW", "SIGNAL", "VOICE", "REITERAT", "CONFIRM", "STATE", "INDICAT",
];

/// The position of an intention cue governing the verb at `vf`, if any.
fn intent_cue(toks: &[&str], barrier: &[bool], lo: usize, vf: usize) -> Option<usize> {
    let mut j = vf.checked_sub(1)?;
    // One adverb may sit between the particle and the verb.
    if j > lo && toks[j].ends_with("LY") {
        j -= 1;
    }
    if j < lo
        || !matches!(
            toks[j],
            "TO" | "OF" | "IN" | "ON" | "FOR" | "TOWARD" | "TOWARDS"
        )
    {
        return None;
    }
    let from = j.saturating_sub(4).max(lo);
    (from..j)
        .rev()
        .take_while(|&p| !barrier[p])
        .find(|&p| INTENT_STEMS.iter().any(|s| toks[p].starts_with(s)))
}

/// Modality of the verb at `vf` from the words before it in its clause:
/// auxiliaries, negations and refusal frames within a few words, a
/// condition on it (`conditional`: from the parse, or else any of
/// [`crate::grammar::CONDITIONS`] before it), or a question.
fn modality(
    toks: &[&str],
    barrier: &[bool],
    lo: usize,
    vf: usize,
    question: bool,
    conditional: bool,
) -> Option<Modality> {
    const NEGATORS: &[&str] = &["NOT", "NEVER", "NEITHER", "NOR", "CANNOT"];
    const REFUSALS: &[&str] = &["REFUS", "DECLIN", "FAIL", "RULED OUT", "REJECT"];
    const HYPOTHETICAL: &[&str] = &["COULD", "WOULD", "MIGHT", "MAY", "SHOULD", "MUST"];
    const FUTURE: &[&str] = &["WILL", "SHALL", "WON'T"];
    let from = vf.saturating_sub(5).max(lo);
    let window: Vec<usize> = (from..vf).rev().take_while(|&p| !barrier[p]).collect();
    let word = |p: usize| toks[p];
    // Negation first: "would not meet" did not happen either way.
    for &p in &window {
        let w = word(p);
        if (NEGATORS.contains(&w) && toks.get(p + 1) != Some(&"ONLY"))
            || (w.ends_with("N'T") && w != "WON'T")
            || (w == "YET"
                && toks.get(p + 1) == Some(&"TO")
                && p > 0
                && matches!(word(p - 1), "HAS" | "HAVE" | "HAD" | "IS" | "ARE"))
        {
            return Some(Modality::Negated);
        }
        if w == "WON'T" {
            return Some(Modality::Negated);
        }
        if toks.get(p + 1) == Some(&"TO") && REFUSALS.iter().any(|r| w.starts_with(r)) {
            return Some(Modality::Negated);
        }
    }
    if question {
        return Some(Modality::Hypothetical);
    }
    // "May" the month ("in May", "May 5") is not the modal.
    let month = |p: usize| {
        word(p) == "MAY"
            && ((p > 0
                && matches!(
                    word(p - 1),
                    "IN" | "EARLY" | "LATE" | "LAST" | "NEXT" | "SINCE" | "OF" | "MID"
                ))
                || toks
                    .get(p + 1)
                    .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit())))
    };
    if window
        .iter()
        .any(|&p| HYPOTHETICAL.contains(&word(p)) && !month(p))
    {
        return Some(Modality::Hypothetical);
    }
    if conditional {
        return Some(Modality::Hypothetical);
    }
    if window.iter().any(|&p| {
        FUTURE.contains(&word(p))
            || (matches!(word(p), "IS" | "ARE") && toks.get(p + 1) == Some(&"TO"))
            || (word(p) == "GOING" && toks.get(p + 1) == Some(&"TO"))
    }) {
        return Some(Modality::Intended);
    }
    None
}

/// Whether a verb pattern names something after the verb beyond its
/// slots and prepositions ("* VISIT", "* &FIGHT"; not "$ * +" or "* BY +").
fn pattern_names_object(pattern: Option<&str>) -> bool {
    const LINKS: &[&str] = &[
        "BY", "TO", "FROM", "WITH", "ON", "IN", "AT", "FOR", "AGAINST", "OF", "INTO", "OVER",
    ];
    let Some(p) = pattern else {
        return false;
    };
    p.split_whitespace()
        .skip_while(|w| !w.contains('*'))
        .skip(1)
        .any(|w| {
            !matches!(w, "$" | "+" | "%" | "^") && !w.starts_with("&AUX") && !LINKS.contains(&w)
        })
}

/// The CAMEO intent code for an event code: cooperating (04–08) becomes
/// "express intent to" (03x), reducing relations or coercing becomes a
/// threat (13x); other codes stay.
fn intent_code(code: &EventCode) -> EventCode {
    let EventCode::Event {
        code: c,
        paired,
        subordinate,
        dominant,
    } = code
    else {
        return code.clone();
    };
    let map = |c: &str| -> String {
        let root = c.get(..2).unwrap_or("");
        let three = c.get(..3).unwrap_or(c);
        match root {
            "04" => "036",
            "05" => "032",
            "06" => match three {
                "061" => "0311",
                "062" => "0312",
                "063" => "0313",
                "064" => "0314",
                _ => "031",
            },
            "07" => match three {
                "071" => "0331",
                "072" => "0332",
                "073" => "0333",
                "074" => "0334",
                _ => "033",
            },
            "08" => "035",
            "16" => match three {
                "162" => "1311",
                "163" => "1312",
                _ => "1313",
            },
            "17" => "130",
            "18" | "19" | "20" => "138",
            _ => c,
        }
        .to_string()
    };
    EventCode::Event {
        code: map(c).into(),
        paired: paired.as_deref().map(|p| map(p).into()),
        subordinate: *subordinate,
        dominant: *dominant,
    }
}

/// Whether the token's second character is lower case in the text.
fn mixed_case(text: &str, tok: &Token) -> bool {
    text.chars()
        .nth(tok.start + 1)
        .is_some_and(|c| c.is_lowercase())
}

/// Story context for statecraft: nominal events after a possessive
/// ("South Korea's negotiations with Cuba"), and names met earlier in the
/// story ("Kim" after "Kim Eun-jeong").
#[allow(clippy::too_many_arguments)]
fn story_context(
    lx: &mut [Lexeme],
    text: &str,
    toks: &[Token],
    texts: &[&str],
    dict: &Dictionary,
    index: &PhraseIndex,
    memory: &mut StoryMemory,
    places: &PlaceWords,
) {
    let mut scratch = Vec::new();
    let mut ids = Vec::new();
    for k in 0..lx.len() {
        if lx[k].class != Class::Word || lx[k].first != lx[k].last {
            continue;
        }
        let w = texts[lx[k].first];
        // A later mention of a name learnt in this story.
        // A two-letter name is recalled only as written in mixed case
        // ("Xi", not "XI" or "US").
        let short_ok = w.trim_end_matches("'S").len() > 2 || mixed_case(text, &toks[lx[k].first]);
        if toks[lx[k].first].capitalized && short_ok {
            if let Some(Some(codes)) = memory.names.get(w.trim_end_matches("'S")) {
                lx[k].class = Class::Actor(codes.clone());
                lx[k].possessive = w.ends_with("'S");
                continue;
            }
        }
        // A nominalised verb after a possessive actor, with at most two
        // modifiers between: "South Korea's secret negotiations".
        let mut j = k;
        let mut possessor = false;
        for _ in 0..3 {
            if j == 0 {
                break;
            }
            j -= 1;
            match &lx[j].class {
                Class::Actor(_) if lx[j].possessive => {
                    possessor = true;
                    break;
                }
                Class::Word | Class::Adjective => continue,
                _ => break,
            }
        }
        if !possessor {
            continue;
        }
        for base in analysis::denominalise(w) {
            ids.clear();
            index.first_word_matches(&base, &mut scratch, &mut ids);
            let verb = ids.iter().map(|&id| index.entry(id)).find(|e| {
                e.kind == statecraft_dict::EntryKind::Verb
                    && e.phrase.words.len() == 1
                    && dict.verbs[e.item as usize].kind == statecraft_dict::VerbKind::Event
            });
            if let Some(e) = verb {
                lx[k].class = Class::Verb(e.item);
                break;
            }
        }
    }
    // Learn short names from multi-word capitalised actors.
    for l in lx.iter() {
        if let Class::Actor(codes) = &l.class {
            let span = &toks[l.first..=l.last];
            if span.len() >= 2
                && span[0].capitalized
                && !codes.iter().any(ActorCode::country_unknown)
            {
                // Only the capitalised parts: "Kim" of "Kim Eun-jeong".
                let words: Vec<&str> = (l.first..=l.last)
                    .filter(|&i| toks[i].capitalized)
                    .map(|i| texts[i])
                    .collect();
                memory.learn_name(&words, codes, places);
            }
        }
    }
}
