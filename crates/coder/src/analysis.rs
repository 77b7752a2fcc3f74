//! Turning a tokenised sentence into what the coder reasons about:
//! classified lexemes (actors, agents, verbs, nouns, …), agents attached
//! to actors, compound actors, resolved pronouns, dropped comma clauses
//! and conjunction-delimited clauses.

use crate::options::Options;
use statecraft_dict::{
    ActorCodes, AgentCode, AgentPlace, Dictionary, EntryKind, PhraseIndex, VerbKind,
};
use statecraft_text::{Date, Token, TokenKind};
use statecraft_types::ActorCode;

/// Word classes (TABARI's parse types).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Class {
    Word,
    Actor(Vec<ActorCode>),
    Agent(u32),
    Verb(u32),
    Time(u32),
    Noun,
    Adjective,
    Determiner,
    Aux,
    By,
    Pronoun(Pron),
    /// `joins`: AND, OR, NOR can join compound actors; BUT cannot.
    Conj {
        joins: bool,
    },
    Comma,
    Number,
    Former,
    Prep,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pron {
    /// HE, SHE, IT, HIM: the first actor before it.
    Subject,
    /// ITS, HIS, HER: the first actor before it.
    Possessive,
    /// THEY, THEM, THEIR: the first compound, else the first actor.
    Plural,
}

/// A classified stretch of the sentence.
#[derive(Clone, Debug)]
pub(crate) struct Lexeme {
    pub class: Class,
    /// Token positions matched (first..=last may include unmatched gap tokens).
    pub first: usize,
    pub last: usize,
    /// Whether the last token is a possessive (`'S`).
    pub possessive: bool,
    /// For actors read as noun phrases: the words around the head that
    /// are not actors ("INTERIM GOVERNMENT"), to recognise the same phrase
    /// later in a story.
    pub key: Option<Box<str>>,
    /// A dictionary verb the lexer reads as a noun by its place (a
    /// determiner or a capital before it: "The group said").
    pub verb_as_noun: bool,
}

/// A code with the text span that justified it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Member {
    pub code: ActorCode,
    /// Token range in the original sentence.
    pub tokens: (usize, usize),
}

/// An actor as the source/target searches see it: a single actor, a
/// compound, or a pronoun standing for one.
#[derive(Clone, Debug)]
pub(crate) struct Unit {
    pub first: usize,
    pub last: usize,
    pub members: Vec<Member>,
    pub compound: bool,
    pub pronoun: bool,
}

/// Sentence-level flags raised by dictionary codes.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Flags {
    pub discard: bool,
    pub complex: bool,
    /// An actor with date-restricted codes was matched: coding the
    /// sentence at another date may give other codes.
    pub dated_actor: bool,
}

const PRIORITY: [EntryKind; 5] = [
    EntryKind::Actor,
    EntryKind::Agent,
    EntryKind::Noun,
    EntryKind::Adjective,
    EntryKind::Verb,
];

fn builtin(tok: &Token) -> Class {
    if tok.kind == TokenKind::Comma {
        return Class::Comma;
    }
    if tok.kind == TokenKind::Number {
        return Class::Number;
    }
    match tok.text.as_str() {
        "A" | "AN" | "THE" => Class::Determiner,
        "WAS" | "WERE" | "BEEN" => Class::Aux,
        "BY" => Class::By,
        "HE" | "SHE" | "IT" | "HIM" => Class::Pronoun(Pron::Subject),
        "ITS" | "HIS" | "HER" => Class::Pronoun(Pron::Possessive),
        "THEY" | "THEM" | "THEIR" => Class::Pronoun(Pron::Plural),
        "AND" | "OR" | "NOR" => Class::Conj { joins: true },
        "BUT" => Class::Conj { joins: false },
        "FORMER" => Class::Former,
        "OF" | "IN" => Class::Prep,
        _ => Class::Word,
    }
}

/// An actor's code on `date`, noting in `flags` when it depends on the date.
fn actor_code<'d>(
    dict: &'d Dictionary,
    item: u32,
    date: Date,
    flags: &mut Flags,
) -> &'d ActorCodes {
    let schedule = &dict.actors[item as usize].schedule;
    flags.dated_actor |= !schedule.restricted.is_empty();
    schedule.at(date)
}

/// What the text or the parse says of a token, for the lexer (statecraft
/// reading).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum LexHint {
    /// Nothing: the lexer's own rules decide.
    #[default]
    None,
    /// No predicate starts here ("forces" as a noun).
    NotVerb,
    /// A finite verb with its own subject ("The group said"): a verb,
    /// whatever stands before it.
    Finite,
    /// No actor phrase starts here: the word names what someone is for or
    /// against ("Moscow" of "pro-Moscow rebels", "American" of
    /// "anti-American cleric"), not who they are.
    NotActor,
    /// No agent starts here: a role word the parse reads as a verb
    /// ("history would judge", "troops guard the border").
    NotAgent,
}

/// Classifies tokens into lexemes by longest dictionary match. No verb
/// phrase starts at a token `hints` marks [`LexHint::NotVerb`], no actor
/// phrase at one marked [`LexHint::NotActor`], no agent at one marked
/// [`LexHint::NotAgent`], and one marked
/// [`LexHint::Finite`] stays a verb.
#[allow(clippy::too_many_arguments)] // each input is a different concern of the lexer
pub(crate) fn lex(
    toks: &[Token],
    texts: &[&str],
    dict: &Dictionary,
    index: &PhraseIndex,
    date: Date,
    all_caps: bool,
    opts: &Options,
    flags: &mut Flags,
    hints: &[LexHint],
) -> Vec<Lexeme> {
    let n = toks.len();
    let mut consumed = vec![false; n];
    let mut out: Vec<Lexeme> = Vec::with_capacity(n);
    let mut ids = Vec::new();
    let mut scratch = Vec::new();
    let mut scratch_next = Vec::new();
    let mut at_buf = Vec::new();
    let is_comma = |p: usize| toks[p].kind == TokenKind::Comma;
    for i in 0..n {
        if consumed[i] {
            continue;
        }
        ids.clear();
        if !is_comma(i) {
            let next = texts.get(i + 1).copied().filter(|_| !is_comma(i + 1));
            index.candidates(texts[i], next, &mut scratch, &mut scratch_next, &mut ids);
        }
        // Best: most words, then longest dictionary text, then an actor
        // whose dated codes cover the date (of two entries for "President
        // Bush", the one in office then), then kind priority.
        let mut best: Option<(usize, usize, bool, usize, u32, Vec<usize>)> = None;
        for &id in &ids {
            let e = index.entry(id);
            let Some(rank) = PRIORITY.iter().position(|k| *k == e.kind) else {
                continue;
            };
            let barred = match hints.get(i) {
                Some(LexHint::NotVerb) => e.kind == EntryKind::Verb,
                Some(LexHint::NotActor) => e.kind == EntryKind::Actor,
                Some(LexHint::NotAgent) => e.kind == EntryKind::Agent,
                _ => false,
            };
            // "difficult for us": a two-letter name ("US", "UN") written
            // in lower case in mixed-case text is a word, not the name
            // (statecraft reading).
            let lower_acronym = opts.statecraft
                && !all_caps
                && e.kind == EntryKind::Actor
                && e.phrase.words.len() == 1
                && texts[i].len() <= 2
                && !toks[i].capitalized;
            if barred || lower_acronym {
                continue;
            }
            if !PhraseIndex::match_phrase_into(
                &e.phrase,
                texts,
                i,
                &|p| is_comma(p) || consumed[p],
                &mut at_buf,
            ) {
                continue;
            }
            let words = at_buf.len();
            // Cheap rejection before computing the tie-breaks.
            if best.as_ref().is_some_and(|b| b.0 > words) {
                continue;
            }
            let chars: usize = e.phrase.words.iter().map(|w| w.text.len()).sum();
            let dated = e.kind == EntryKind::Actor
                && dict.actors[e.item as usize]
                    .schedule
                    .restricted
                    .iter()
                    .any(|(r, _)| r.contains(date));
            let better = match &best {
                None => true,
                Some((bw, bc, bd, br, _, _)) => {
                    (words, chars, dated, usize::MAX - rank) > (*bw, *bc, *bd, usize::MAX - *br)
                }
            };
            if better {
                best = Some((words, chars, dated, rank, id, at_buf.clone()));
            }
        }
        let Some((_, chars, _, _, id, at)) = best else {
            out.push(Lexeme {
                class: builtin(&toks[i]),
                first: i,
                last: i,
                possessive: false,
                key: None,
                verb_as_noun: false,
            });
            continue;
        };
        for &p in &at {
            consumed[p] = true;
        }
        let e = index.entry(id);
        let class = match e.kind {
            EntryKind::Actor => match actor_code(dict, e.item, date, flags) {
                ActorCodes::Codes(c) => {
                    Class::Actor(c.iter().map(|s| ActorCode::new(&**s)).collect())
                }
                ActorCodes::Null => Class::Noun,
                ActorCodes::Discard if opts.petrarch => {
                    Class::Actor(vec![ActorCode::new(ActorCode::DISCARD)])
                }
                ActorCodes::Discard => {
                    flags.discard = true;
                    Class::Noun
                }
                ActorCodes::Complex => {
                    flags.complex = true;
                    Class::Noun
                }
            },
            EntryKind::Agent => Class::Agent(e.item),
            EntryKind::Noun => Class::Noun,
            EntryKind::Adjective => Class::Adjective,
            EntryKind::Verb => {
                let v = &dict.verbs[e.item as usize];
                match v.kind {
                    VerbKind::Time => Class::Time(e.item),
                    VerbKind::Attribution => Class::Word,
                    VerbKind::Event => {
                        let has_patterns = !dict.blocks[v.block as usize].patterns.is_empty();
                        let null = v.code == statecraft_dict::EventCode::Null && !has_patterns;
                        let det_before = (i > 0
                            && texts[i - 1].len() <= 3
                            && matches!(texts[i - 1], "A" | "AN" | "THE"))
                            || (opts.statecraft && noun_position(texts, &out, i));
                        let capital = !all_caps && i > 0 && toks[i].capitalized && !opts.petrarch;
                        // A parser tags modals MD, never as verbs.
                        let modal = opts.petrarch
                            && matches!(
                                texts[i],
                                "SHOULD"
                                    | "WOULD"
                                    | "COULD"
                                    | "MAY"
                                    | "MIGHT"
                                    | "MUST"
                                    | "CAN"
                                    | "WILL"
                                    | "SHALL"
                            );
                        // "according to" is a preposition.
                        let according = texts[i] == "ACCORDING" && texts.get(i + 1) == Some(&"TO");
                        let finite = hints.get(i) == Some(&LexHint::Finite);
                        if null || modal || (opts.petrarch && according) {
                            Class::Word
                        } else if !finite
                            && ((det_before
                                && !(opts.statecraft
                                    && crate::grammar::eventive_phrase(
                                        &texts[i..=*at.last().unwrap()],
                                    )))
                                || capital)
                        {
                            Class::Noun
                        } else {
                            Class::Verb(e.item)
                        }
                    }
                }
            }
            _ => Class::Word,
        };
        let last = *at.last().unwrap();
        let _ = chars;
        out.push(Lexeme {
            verb_as_noun: e.kind == EntryKind::Verb && class == Class::Noun,
            class,
            first: i,
            last,
            possessive: texts[last].ends_with("'S") || texts[last].ends_with("S'"),
            key: None,
        });
    }
    out
}

fn combine(actor: &ActorCode, agent: &AgentCode) -> ActorCode {
    ActorCode::new(combine_str(actor.as_str(), agent))
}

/// An actor code with an agent's codes added where the agent places them
/// (suffix or prefix), skipping chunks the actor has.
fn combine_str(actor: &str, agent: &AgentCode) -> String {
    let chunks = |s: &str| -> Vec<String> {
        s.as_bytes()
            .chunks(3)
            .map(|c| String::from_utf8_lossy(c).to_string())
            .collect()
    };
    let have = chunks(actor);
    let mut add = String::new();
    for c in chunks(&agent.code) {
        if !have.contains(&c) {
            add.push_str(&c);
        }
    }
    match agent.place {
        AgentPlace::Suffix => format!("{actor}{add}"),
        AgentPlace::Prefix => format!("{add}{actor}"),
    }
}

/// Attaches agents to actors and, where wanted, turns lone agents into
/// actors. Returns the per-lexeme actor codes.
pub(crate) fn attach_agents(lx: &mut [Lexeme], dict: &Dictionary, opts: &Options) {
    let n = lx.len();
    let mut applied: Vec<Vec<AgentCode>> = vec![Vec::new(); n];
    let mut used = vec![false; n];
    let is_actor = |l: &Lexeme| matches!(l.class, Class::Actor(_));
    for g in 0..n {
        let Class::Agent(a) = lx[g].class else {
            continue;
        };
        let mut code = dict.agents[a as usize].code.clone();
        let former = (g > 0 && lx[g - 1].class == Class::Former)
            || (g >= 2 && lx[g - 2].class == Class::Former && is_actor(&lx[g - 1]));
        if former {
            code.code = "ELI".into();
        }
        let mut targets = Vec::new();
        if g + 1 < n && is_actor(&lx[g + 1]) {
            targets.push(g + 1);
        }
        if g > 0 && is_actor(&lx[g - 1]) {
            targets.push(g - 1);
        }
        if targets.is_empty() && g + 2 < n && lx[g + 1].class == Class::Prep {
            let mut k = g + 2;
            while k < n && lx[k].class == Class::Determiner {
                k += 1;
            }
            if k < n && is_actor(&lx[k]) {
                targets.push(k);
                if opts.petrarch {
                    // PETRARCH carries the agent over a compound:
                    // "lawmakers in Fornost and Gondor".
                    let mut j = k + 1;
                    while j + 1 < n
                        && matches!(lx[j].class, Class::Conj { joins: true } | Class::Comma)
                        && is_actor(&lx[j + 1])
                    {
                        targets.push(j + 1);
                        j += 2;
                    }
                }
            }
        }
        if former && targets.is_empty() && g + 1 < n {
            // "former Gondor prosecutors": FORMER before the actor.
        }
        for t in &targets {
            applied[*t].push(code.clone());
        }
        if !targets.is_empty() {
            used[g] = true;
        }
    }
    // FORMER directly before an actor that has an agent.
    for i in 0..n {
        if is_actor(&lx[i]) && i > 0 && lx[i - 1].class == Class::Former {
            for c in &mut applied[i] {
                c.code = "ELI".into();
            }
        }
    }
    for i in 0..n {
        if let Class::Actor(codes) = &mut lx[i].class {
            for ag in &applied[i] {
                for c in codes.iter_mut() {
                    *c = combine(c, ag);
                }
            }
        }
    }
    for g in 0..n {
        let Class::Agent(a) = lx[g].class else {
            continue;
        };
        if used[g] {
            lx[g].class = Class::Noun;
            continue;
        }
        let code = &dict.agents[a as usize].code;
        if opts.petrarch {
            lx[g].class = Class::Actor(vec![combine(&ActorCode::unknown(), code)]);
        } else if opts.convert_agents {
            let c = match code.place {
                AgentPlace::Suffix => format!("~{}", code.code),
                AgentPlace::Prefix => format!("{}~", code.code),
            };
            lx[g].class = Class::Actor(vec![ActorCode::new(c)]);
        } else {
            lx[g].class = Class::Noun;
        }
    }
}

fn np_class(c: &Class, loose: bool) -> bool {
    matches!(c, Class::Determiner | Class::Adjective | Class::Actor(_))
        || (loose && matches!(c, Class::Noun | Class::Number))
}

/// Groups actors into compounds; returns the groups (lexeme indexes) and
/// marks the conjunctions and commas they use.
/// `loose`: PETRARCH mode, where noun phrases were already merged and any
/// noun may modify an actor; a comma before the conjunction then only
/// belongs to a list ("A, B, and C"), never joins two compounds.
/// `places`: lexemes that name where something happened (stage `places`);
/// a comma list does not reach back into one ("Meeting in Moscow,
/// Berlusconi and Putin said": Moscow is no third speaker).
pub(crate) fn compounds(
    lx: &[Lexeme],
    protected: &mut [bool],
    loose: bool,
    places: &[usize],
) -> Vec<Vec<usize>> {
    let n = lx.len();
    // Union-find over lexeme indexes.
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        p[x] = r;
        r
    }
    let mut in_group = vec![false; n];
    // Two actors side by side belong to one noun phrase only after a
    // possessive ("Arnor's Elrond"), not in "Dagolath Osgiliath".
    let joins = |a: usize, b: usize| -> bool {
        !(matches!(lx[a].class, Class::Actor(_)) && matches!(lx[b].class, Class::Actor(_)))
            || lx[a].possessive
    };
    let np_before = |end: usize| -> Option<(usize, Vec<usize>)> {
        // lexemes [s..=end] that are det/adj/actor, with >= 1 actor
        let mut s = end + 1;
        while s > 0 && np_class(&lx[s - 1].class, loose) && (s == end + 1 || joins(s - 1, s)) {
            s -= 1;
        }
        let actors: Vec<usize> = (s..=end)
            .filter(|&k| matches!(lx[k].class, Class::Actor(_)))
            .collect();
        (s <= end && !actors.is_empty()).then_some((s, actors))
    };
    let np_after = |start: usize| -> Option<(usize, Vec<usize>)> {
        let mut e = start;
        while e < n && np_class(&lx[e].class, loose) && (e == start || joins(e - 1, e)) {
            e += 1;
        }
        let actors: Vec<usize> = (start..e)
            .filter(|&k| matches!(lx[k].class, Class::Actor(_)))
            .collect();
        (!actors.is_empty()).then_some((e, actors))
    };
    for c in 0..n {
        if lx[c].class != (Class::Conj { joins: true }) {
            continue;
        }
        if c == 0 || c + 1 >= n {
            continue;
        }
        let mut left_end = c - 1;
        let mut comma_before = None;
        if lx[left_end].class == Class::Comma && left_end > 0 {
            comma_before = Some(left_end);
            left_end -= 1;
        }
        let Some((mut s1, mut left)) = np_before(left_end) else {
            continue;
        };
        let Some((right_end, right)) = np_after(c + 1) else {
            continue;
        };
        // ", and" belongs to a list ("A, B, and C"); TABARI also lets it
        // join two compounds ("A and B, and C and D").
        if comma_before.is_some() {
            let list = s1 >= 2 && lx[s1 - 1].class == Class::Comma;
            let right_compound = right_end + 1 < n
                && lx[right_end].class == (Class::Conj { joins: true })
                && np_after(right_end + 1).is_some();
            if !(list || (!loose && right_compound)) {
                continue;
            }
        }
        protected[c] = true;
        if let Some(cb) = comma_before {
            protected[cb] = true;
        }
        // Comma lists: "A, B, C and D".
        while s1 >= 2 && lx[s1 - 1].class == Class::Comma {
            match np_before(s1 - 2) {
                Some((s, more)) if !more.iter().any(|k| places.contains(k)) => {
                    protected[s1 - 1] = true;
                    left.extend(more);
                    s1 = s;
                }
                _ => break,
            }
        }
        let all: Vec<usize> = left.into_iter().chain(right).collect();
        for w in all.windows(2) {
            let (a, b) = (find(&mut parent, w[0]), find(&mut parent, w[1]));
            parent[b] = a;
        }
        for &k in &all {
            in_group[k] = true;
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut root_of: Vec<Option<usize>> = vec![None; n];
    for (k, _) in in_group.iter().enumerate().filter(|(_, g)| **g) {
        let r = find(&mut parent, k);
        match root_of[r] {
            Some(g) => groups[g].push(k),
            None => {
                root_of[r] = Some(groups.len());
                groups.push(vec![k]);
            }
        }
    }
    groups
}

/// Compound nouns and adjectives: "sheep and goats", "black and white".
pub(crate) fn protect_noun_compounds(lx: &[Lexeme], protected: &mut [bool]) {
    for c in 1..lx.len().saturating_sub(1) {
        if !matches!(lx[c].class, Class::Conj { .. }) || protected[c] {
            continue;
        }
        let before = &lx[c - 1].class;
        if *before == Class::Adjective && lx[c + 1].class == Class::Adjective {
            protected[c] = true;
            continue;
        }
        if *before == Class::Noun {
            let mut k = c + 1;
            while k < lx.len() && lx[k].class == Class::Adjective {
                k += 1;
            }
            if k < lx.len() && lx[k].class == Class::Noun {
                protected[c] = true;
            }
        }
    }
}

/// Decides which tokens fall in dropped comma clauses.
pub(crate) fn comma_clauses(
    lx: &[Lexeme],
    protected: &[bool],
    texts0: &[&str],
    opts: &Options,
) -> (Vec<bool>, usize) {
    let ntok = texts0.len();
    let mut elim = vec![false; ntok];
    if opts.comma.off {
        return (elim, 0);
    }
    let commas: Vec<usize> = (0..lx.len())
        .filter(|&k| lx[k].class == Class::Comma && !protected[k])
        .collect();
    // statecraft keeps comma clauses that carry a verb of their own: an
    // appositive or an adverbial is dropped, "Kim met Al-Shaibani" is not.
    let has_verb = |from: usize, to: usize| -> bool {
        let seg = &lx[from.min(lx.len())..to.min(lx.len())];
        // "..., such as North Korea and Russia," names the members of the
        // phrase before it: keep it.
        let example = seg
            .first()
            .is_some_and(|l| matches!(texts0[l.first], "SUCH" | "INCLUDING" | "NOTABLY"));
        opts.statecraft && (example || seg.iter().any(|l| matches!(l.class, Class::Verb(_))))
    };
    if commas.is_empty() {
        return (elim, 0);
    }
    // Words between two lexeme indexes, counted in tokens, commas excluded.
    let words = |from: usize, to: usize| -> usize {
        if from >= to {
            return 0;
        }
        let (a, b) = (lx[from].first, lx[to - 1].last);
        let commas_inside = (from..to).filter(|&k| lx[k].class == Class::Comma).count();
        (b + 1 - a).saturating_sub(commas_inside)
    };
    let mut dropped = 0;
    let c = &opts.comma;
    // Clauses are chained: a comma that closes a dropped clause does not
    // open the next one.
    let mut i = 0;
    let w0 = words(0, commas[0]);
    // statecraft drops an opening phrase only when it is adverbial
    // ("During the visit,", "According to the ministry,"), never when it
    // is the subject ("Kim Eun-jeong, director-general of ..., visited").
    let adverbial_opening = !opts.statecraft
        || !lx[..commas[0]]
            .iter()
            .any(|l| matches!(l.class, Class::Actor(_)))
        || lx.first().is_some_and(|l| {
            matches!(l.class, Class::Prep) || opener(texts0.get(l.first).copied().unwrap_or(""))
        });
    if c.bmin <= w0 && w0 <= c.bmax && w0 > 0 && !has_verb(0, commas[0]) && adverbial_opening {
        for k in 0..=commas[0] {
            mark(lx, k, &mut elim);
        }
        dropped += 1;
        i = 1;
    }
    while i < commas.len() {
        let open = commas[i];
        match commas.get(i + 1) {
            Some(&close) => {
                let w = words(open + 1, close);
                if c.max > 0 && c.min <= w && w <= c.max && !has_verb(open + 1, close) {
                    for k in open..=close {
                        mark(lx, k, &mut elim);
                    }
                    dropped += 1;
                    i += 2;
                } else {
                    i += 1;
                }
            }
            None => {
                let we = words(open + 1, lx.len());
                if c.emax > 0 && c.emin <= we && we <= c.emax && !has_verb(open + 1, lx.len()) {
                    for k in open..lx.len() {
                        mark(lx, k, &mut elim);
                    }
                    dropped += 1;
                }
                i += 1;
            }
        }
    }
    (elim, dropped)
}

fn mark(lx: &[Lexeme], k: usize, elim: &mut [bool]) {
    for t in lx[k].first..=lx[k].last.max(lx[k].first) {
        if t < elim.len() {
            elim[t] = true;
        }
    }
}

/// Words that end a noun phrase in PETRARCH mode: prepositions,
/// complementisers, auxiliaries and adverbs of time, which a parser would
/// never put inside one.
const NP_BREAKERS: &[&str] = &[
    "ABOUT",
    "ABOVE",
    "ACROSS",
    "AFTER",
    "AGAINST",
    "ALONG",
    "ALSO",
    "ALTHOUGH",
    "AMONG",
    "AS",
    "AT",
    "BE",
    "BECAUSE",
    "BEFORE",
    "BEHIND",
    "BETWEEN",
    "BEYOND",
    "CAN",
    "COULD",
    "DESPITE",
    "DID",
    "DO",
    "DOES",
    "DURING",
    "EXCEPT",
    "FOR",
    "FROM",
    "HAD",
    "HAS",
    "HAVE",
    "HOW",
    "IF",
    "INTO",
    "IS",
    "ARE",
    "AM",
    "LIKE",
    "MAY",
    "MIGHT",
    "MUST",
    "NEAR",
    "NOT",
    "NOW",
    "ON",
    "ONTO",
    "OVER",
    "PER",
    "SHALL",
    "SHOULD",
    "SINCE",
    "THAN",
    "THAT",
    "THEN",
    "THOUGH",
    "THROUGH",
    "TO",
    "TODAY",
    "TOMORROW",
    "TOWARD",
    "TOWARDS",
    "UNDER",
    "UNLESS",
    "UNTIL",
    "UPON",
    "VIA",
    "WHEN",
    "WHERE",
    "WHETHER",
    "WHICH",
    "WHILE",
    "WHO",
    "WHOM",
    "WHOSE",
    "WILL",
    "WITH",
    "WITHIN",
    "WITHOUT",
    "WOULD",
    "YESTERDAY",
    "ALMOST",
    "AGAIN",
    "ABOUT",
    "BEING",
    "ALREADY",
    "STILL",
    "EVEN",
    "JUST",
    "ONLY",
    "VERY",
    "THERE",
    "HERE",
    "WHAT",
    "WHY",
    "ONCE",
    "YET",
    "SO",
    "SAID",
    "SAYS",
    "ACCORDING",
];

/// PETRARCH reads actors as noun phrases: an actor with the agents and
/// modifiers around it ("Dagolath's first Deputy Prime Minister Telemar",
/// "the Danish Islamist media and government", "lawmakers in Fornost")
/// is one actor. The first actor of the phrase is its head; its agents
/// are appended (coordinated agents give one code each); a phrase of
/// agents without an actor is coded `---` plus the agents.
pub(crate) fn petrarch_noun_phrases(
    lx: &mut Vec<Lexeme>,
    texts: &[&str],
    dict: &Dictionary,
    statecraft: bool,
) {
    let n = lx.len();
    let word_ok = |k: usize| -> bool {
        match &lx[k].class {
            Class::Determiner | Class::Adjective | Class::Noun | Class::Number | Class::Former => {
                true
            }
            Class::Word => !NP_BREAKERS.contains(&texts[lx[k].first]),
            _ => false,
        }
    };
    let head_like = |k: usize| matches!(lx[k].class, Class::Actor(_) | Class::Agent(_));
    let mut out: Vec<Lexeme> = Vec::with_capacity(n);
    let mut k = 0;
    while k < n {
        if !(head_like(k) || word_ok(k)) {
            out.push(lx[k].clone());
            k += 1;
            continue;
        }
        // Extend the run.
        let start = k;
        // "its troops in Congo", "their envoys from Cairo" (statecraft
        // reading): a role a possessive pronoun owns belongs to the
        // pronoun's actor (`places::owned_roles`); the country after it
        // says where or whence.
        let owned =
            statecraft && start > 0 && crate::places::OWNERS.contains(&texts[lx[start - 1].last]);
        let mut bridged: Vec<usize> = Vec::new();
        let mut end = k; // inclusive
        let mut j = k + 1;
        while j < n {
            if head_like(j) || word_ok(j) {
                end = j;
                j += 1;
                continue;
            }
            // agent OF/IN/FROM [the] actor
            let prep = lx[j].class == Class::Prep || texts[lx[j].first] == "FROM";
            if prep && !owned && matches!(lx[j - 1].class, Class::Agent(_)) {
                let mut t = j + 1;
                while t < n && lx[t].class == Class::Determiner {
                    t += 1;
                }
                if t < n && matches!(lx[t].class, Class::Actor(_)) {
                    // The agent covers a whole compound: "lawmakers in
                    // Fornost and Gondor", "ambassadors of A, B and C".
                    bridged.push(t);
                    end = t;
                    loop {
                        let mut u = end + 1;
                        if u < n && lx[u].class == Class::Comma {
                            u += 1;
                        }
                        if u < n && matches!(lx[u].class, Class::Conj { joins: true }) {
                            u += 1;
                        }
                        if u == end + 1 {
                            break;
                        }
                        while u < n && lx[u].class == Class::Determiner {
                            u += 1;
                        }
                        if u < n && matches!(lx[u].class, Class::Actor(_)) {
                            bridged.push(u);
                            end = u;
                        } else {
                            break;
                        }
                    }
                    j = end + 1;
                    continue;
                }
            }
            // Coordinated modifiers or agents: "awful and cool", "media and government".
            if matches!(lx[j].class, Class::Conj { joins: true }) && j + 1 < n {
                let prev_actor = matches!(lx[j - 1].class, Class::Actor(_));
                // "the Italian prime minister and the Russian president"
                // (statecraft reading): a determiner opens a noun phrase
                // of its own.
                let opens = statecraft && lx[j + 1].class == Class::Determiner;
                let next_ok = matches!(lx[j + 1].class, Class::Agent(_))
                    || (word_ok(j + 1) && !prev_actor && !opens);
                if !prev_actor
                    && next_ok
                    && (word_ok(j - 1) || matches!(lx[j - 1].class, Class::Agent(_)))
                {
                    end = j + 1;
                    j += 2;
                    continue;
                }
            }
            break;
        }
        let members: Vec<usize> = (start..=end).filter(|&m| head_like(m)).collect();
        if members.is_empty() {
            for l in &lx[start..=end] {
                out.push(l.clone());
            }
            k = end + 1;
            continue;
        }
        // Head codes: the first actor's (all of a bridged compound's),
        // else "---".
        let actor_codes = |m: usize| match &lx[m].class {
            Class::Actor(c) => Some(c.clone()),
            _ => None,
        };
        let head: Vec<ActorCode> = if bridged.len() > 1 {
            bridged
                .iter()
                .filter_map(|&m| actor_codes(m))
                .flatten()
                .collect()
        } else {
            let mut head = members
                .iter()
                .find_map(|&m| actor_codes(m))
                .unwrap_or_else(|| vec![ActorCode::unknown()]);
            // "Ukrainian President Leonid Kuchma" (statecraft reading): a
            // later actor of the phrase that gives the first one's bare
            // country its roles is the head, where no title of the phrase
            // gives them ("Iraqi Prime Minister Iyad Allawi" is the
            // country's government by its title).
            let titled = lx[start..=end]
                .iter()
                .any(|l| matches!(l.class, Class::Agent(_)));
            if statecraft && !titled {
                if let [first] = head.as_slice() {
                    let refines = |c: &ActorCode| {
                        c.has_roles() && !first.has_roles() && c.same_country(first)
                    };
                    let later = members
                        .iter()
                        .filter_map(|&m| actor_codes(m))
                        .find(|c| !c.is_empty() && c.iter().all(refines));
                    if let Some(later) = later {
                        head = later;
                    }
                }
            }
            head
        };
        // Agent segments split at conjunctions between agents.
        let mut segments: Vec<Vec<AgentCode>> = vec![Vec::new()];
        let mut former = false;
        for l in &lx[start..=end] {
            match &l.class {
                Class::Former => former = true,
                Class::Agent(a) => {
                    let mut code = dict.agents[*a as usize].code.clone();
                    if former {
                        code.code = "ELI".into();
                    }
                    segments.last_mut().unwrap().push(code);
                }
                Class::Conj { .. } if segments.last().is_some_and(|s| !s.is_empty()) => {
                    segments.push(Vec::new())
                }
                _ => {}
            }
        }
        segments.retain(|s| !s.is_empty());
        let variants: Vec<Vec<AgentCode>> = if segments.len() <= 1 {
            vec![segments.into_iter().next().unwrap_or_default()]
        } else {
            let first = &segments[0];
            let shared: Vec<AgentCode> = first[..first.len() - 1].to_vec();
            let mut v = vec![[shared.clone(), vec![first[first.len() - 1].clone()]].concat()];
            for s in &segments[1..] {
                v.push([shared.clone(), s.clone()].concat());
            }
            v
        };
        let mut codes = Vec::new();
        for h in &head {
            for agents in &variants {
                let mut c = h.clone();
                for a in agents {
                    c = combine(&c, a);
                }
                if !codes.contains(&c) {
                    codes.push(c);
                }
            }
        }
        let first = lx[members[0]].first;
        let last = lx[*members.last().unwrap()].last;
        // Modifiers before the head stay separate lexemes; the head absorbs
        // everything from its first actor or agent to its last.
        for l in &lx[start..members[0]] {
            // Modifiers of an actor ("the evil awful Gondor") act as adjectives.
            let mut l = l.clone();
            if l.class == Class::Word {
                l.class = Class::Adjective;
            }
            out.push(l);
        }
        let possessive = lx[*members.last().unwrap()].possessive;
        let key: Vec<&str> = lx[start..=end]
            .iter()
            .filter(|l| {
                matches!(
                    l.class,
                    Class::Word | Class::Adjective | Class::Noun | Class::Agent(_)
                )
            })
            .flat_map(|l| texts[l.first..=l.last].iter().copied())
            .collect();
        out.push(Lexeme {
            class: Class::Actor(codes),
            first,
            last,
            possessive,
            key: (!key.is_empty()).then(|| key.join(" ").into()),
            verb_as_noun: false,
        });
        for l in &lx[members.last().unwrap() + 1..=end] {
            out.push(l.clone());
        }
        k = end + 1;
    }
    *lx = out;
}

/// Words that open an adverbial phrase.
fn opener(w: &str) -> bool {
    matches!(
        w,
        "ACCORDING"
            | "DURING"
            | "AFTER"
            | "BEFORE"
            | "WHILE"
            | "DESPITE"
            | "HOWEVER"
            | "MEANWHILE"
            | "FOLLOWING"
            | "AMID"
            | "AMIDST"
            | "UNDER"
            | "WITH"
            | "ON"
            | "AT"
            | "FOR"
            | "SINCE"
            | "AS"
            | "IF"
            | "WHEN"
            | "ALTHOUGH"
            | "THOUGH"
            | "BESIDES"
            | "MOREOVER"
            | "FURTHERMORE"
            | "ALSO"
            | "THEN"
            | "LATER"
            | "EARLIER"
            | "YESTERDAY"
            | "TODAY"
            | "LAST"
            | "NEXT"
            | "BY"
            | "FROM"
            | "TO"
            | "WITHIN"
            | "AMONG"
            | "UNLIKE"
            | "LIKE"
    )
}

/// Determiners and possessives that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "A", "AN", "THE", "ITS", "THEIR", "HIS", "HER", "OUR", "THIS", "THAT", "THESE", "THOSE",
    "EACH", "EVERY", "NO",
];

/// A word in noun position: after a determiner or possessive with at most
/// two modifiers between ("a significant blow", "its first visit").
fn noun_position(texts: &[&str], before: &[Lexeme], i: usize) -> bool {
    let mut k = before.len();
    for _ in 0..3 {
        if k == 0 {
            return false;
        }
        k -= 1;
        let l = &before[k];
        let w = texts[l.first];
        // A determiner opening a whole dictionary phrase ("The White House
        // criticized") leaves no noun phrase open.
        let open = DETERMINERS.contains(&w) && l.first == l.last;
        if open || (l.possessive && matches!(l.class, Class::Actor(_))) {
            return l.last < i;
        }
        let modifier = matches!(l.class, Class::Adjective | Class::Number)
            || (l.class == Class::Word && !NP_BREAKERS.contains(&w) && w != "TO");
        if !modifier {
            return false;
        }
    }
    false
}

/// Verb forms a nominalisation may come from: NEGOTIATIONS → NEGOTIATE,
/// ESTABLISHMENT → ESTABLISH, APPROVAL → APPROVE, DENIAL → DENY.
pub(crate) fn denominalise(word: &str) -> Vec<String> {
    let w = word.trim_end_matches("'S").trim_end_matches('\'');
    let w = w
        .strip_suffix('S')
        .filter(|r| r.ends_with("ION") || r.ends_with("MENT") || r.ends_with("AL"))
        .unwrap_or(w);
    let mut out = Vec::new();
    if let Some(r) = w.strip_suffix("ATION") {
        out.push(format!("{r}ATE"));
        out.push(r.to_string());
    }
    if let Some(r) = w.strip_suffix("ION") {
        out.push(format!("{r}E"));
        out.push(r.to_string());
    }
    if let Some(r) = w.strip_suffix("MENT") {
        out.push(r.to_string());
    }
    if let Some(r) = w.strip_suffix("IAL") {
        out.push(format!("{r}Y"));
    }
    if let Some(r) = w.strip_suffix("AL") {
        out.push(format!("{r}E"));
    }
    out.retain(|s| s.len() >= 4);
    out
}
