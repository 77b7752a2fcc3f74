//! Stage actors: the sentence's actors beyond the dictionaries' own
//! phrases. In the statecraft reading: actors inferred from the story,
//! story context (names met earlier, nominal events after a possessive),
//! role changes, places and seats of government, and the country of roles
//! named without one; then PETRARCH's noun phrases (with the role phrases
//! a story teaches), or agents attached to their actors.

use super::{Lexicon, Sentence, SentenceResult, StoryMemory};
use crate::analysis::{self, Class, Lexeme};
use crate::grammar::Grammar;
use crate::infer::{self, Inferred};
use statecraft_text::Token;
use statecraft_types::ActorCode;

/// Stage actors: completes the actors of `lx` and records in `res` the
/// first actor (FORWARD), inferred actors and role changes. Returns the
/// country of roles named without one (statecraft reading).
pub(super) fn actors(
    s: &Sentence<'_>,
    lx: &mut Vec<Lexeme>,
    grammar: Option<&Grammar<'_>>,
    memory: &mut StoryMemory,
    res: &mut SentenceResult,
) -> Option<String> {
    let (opts, texts, dict) = (s.opts, s.texts, s.lexicon.dict);
    // The country of roles named without one ("police", "gunmen").
    let mut context: Option<String> = None;
    if opts.statecraft {
        context = statecraft_actors(s, lx, grammar, memory, res);
    }
    // FORWARD passes on the first actor's own code, without agents.
    res.first_actor = lx.iter().find_map(|l| match &l.class {
        Class::Actor(c) => Some(c.clone()),
        _ => None,
    });
    if opts.petrarch {
        analysis::petrarch_noun_phrases(lx, texts, dict, opts.statecraft);
        if opts.statecraft {
            role_phrases(texts, lx, memory);
        }
    } else {
        analysis::attach_agents(lx, dict, opts);
    }
    context
}

/// The statecraft reading's actors: the story's home country, names
/// inferred from the story, story context, role changes, places and seats.
/// Returns the country of roles named without one.
fn statecraft_actors(
    s: &Sentence<'_>,
    lx: &mut Vec<Lexeme>,
    grammar: Option<&Grammar<'_>>,
    memory: &mut StoryMemory,
    res: &mut SentenceResult,
) -> Option<String> {
    let texts = s.texts;
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
    let inferred = infer_names(s, lx, memory);
    let words_before: Vec<bool> = lx.iter().map(|l| l.class == Class::Word).collect();
    story_context(s, lx, memory);
    res.inferred = inferred;
    res.roles = infer::role_changes(lx, texts, memory.home.as_deref());
    let context = places(s, lx, grammar, memory);
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
    context
}

/// Actors no dictionary knows, inferred from the sentence and the story
/// ([`infer::infer`]); the story remembers the capitalised words of each
/// with why the name got its code.
fn infer_names(s: &Sentence<'_>, lx: &mut Vec<Lexeme>, memory: &mut StoryMemory) -> Vec<Inferred> {
    let (toks, texts) = (s.toks, s.texts);
    let inferred = infer::infer(
        lx,
        toks,
        texts,
        s.input.text,
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
    inferred
}

/// Stage places (statecraft reading): seats of government that act, and
/// the country of roles named without one, from the place of a locative
/// phrase, else the dateline's, else the story's home country.
fn places(
    s: &Sentence<'_>,
    lx: &mut [Lexeme],
    grammar: Option<&Grammar<'_>>,
    memory: &StoryMemory,
) -> Option<String> {
    let (input, opts, toks, texts, dict) = (s.input, s.opts, s.toks, s.texts, s.lexicon.dict);
    // Stage places: the place of a locative phrase ("in Baghdad") gives
    // roles named without a country ("gunmen", "police") their country;
    // else the dateline's, else the story's home country.
    let places = crate::places::locative(lx, toks, texts);
    if opts.statecraft {
        // "a London court"; "Washington-based", "pro-Moscow" (the
        // tokens drop the hyphen: look at the text).
        let hyphen_at = |c: Option<usize>| {
            c.and_then(|c| input.text.chars().nth(c))
                .is_some_and(|c| c == '-')
        };
        let modifier = |first: usize, last: usize| {
            grammar.is_some_and(|g| g.noun_at(last + 1))
                || hyphen_at(toks.get(last).map(|t| t.end))
                || hyphen_at(toks.get(first).and_then(|t| t.start.checked_sub(1)))
        };
        crate::places::seats(lx, texts, &places, &dict.seats, input.date, modifier);
    }
    crate::places::context_country(lx, &places)
        .or_else(|| memory.dateline.clone())
        .or_else(|| memory.home.clone().filter(|h| crate::places::is_country(h)))
}

/// Role phrases the story teaches (PETRARCH noun phrases, statecraft
/// reading): a phrase met with its country gives it to a later mention
/// without one.
fn role_phrases(texts: &[&str], lx: &mut [Lexeme], memory: &mut StoryMemory) {
    // "the interim government" after "Syria's interim government".
    for l in lx {
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

/// Whether the token's second character is lower case in the text.
fn mixed_case(text: &str, tok: &Token) -> bool {
    text.chars()
        .nth(tok.start + 1)
        .is_some_and(|c| c.is_lowercase())
}

/// Story context for statecraft: nominal events after a possessive
/// ("South Korea's negotiations with Cuba"), and names met earlier in the
/// story ("Kim" after "Kim Eun-jeong").
fn story_context(s: &Sentence<'_>, lx: &mut [Lexeme], memory: &mut StoryMemory) {
    let (text, toks, texts) = (s.input.text, s.toks, s.texts);
    let Lexicon {
        dict,
        index,
        places,
        ..
    } = s.lexicon;
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
