//! Stage grammar: the sentence's lexemes, by the dictionaries, read again
//! with the parse's help (statecraft reading).

use super::{Lexicon, Sentence};
use crate::analysis::{self, Class, Flags, LexHint, Lexeme};
use crate::grammar::Grammar;
use crate::options::Options;
use statecraft_text::{is_all_caps, Date, Token};

/// What the lexing stage hands on: the lexemes, the flags their codes
/// raised, and the sentence's tags and parse where one was made.
pub(super) struct Lexed<'s> {
    pub lx: Vec<Lexeme>,
    pub flags: Flags,
    pub grammar: Option<Grammar<'s>>,
}

/// Stage grammar: lexes the sentence by the dictionaries and, in the
/// statecraft reading, lexes it again without the dictionary verbs the
/// parse reads as something else.
pub(super) fn lex<'s>(s: &Sentence<'s>) -> Lexed<'s> {
    let Lexicon { dict, index, .. } = s.lexicon;
    let (input, opts, toks, texts) = (s.input, s.opts, s.toks, s.texts);
    let all_caps = is_all_caps(input.text);
    let mut flags = Flags::default();
    let mut hints = if opts.statecraft {
        let mut hints = attitudes(input.text, toks, texts);
        languages(texts, &mut hints);
        waters(toks, texts, &mut hints);
        hints
    } else {
        Vec::new()
    };
    let mut lx = analysis::lex(
        toks, texts, dict, index, input.date, all_caps, opts, &mut flags, &hints,
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
    // A dictionary verb the lexer took for a noun by its place ("The
    // group said", "a man ... killed himself") is a predicate where the
    // parse makes it a finite verb with a subject of its own.
    let predicate = |l: &Lexeme| match l.class {
        Class::Verb(_) => true,
        Class::Noun => l.verb_as_noun && l.first == l.last,
        _ => false,
    };
    let mut grammar = None;
    if opts.statecraft && lx.iter().any(predicate) && parties() >= 2 {
        let grammar = grammar.insert(Grammar::new(input.text, toks));
        hints.resize(toks.len(), LexHint::None);
        let mut changed = false;
        for l in &lx {
            let t = l.first;
            // A noun of several words may name an act ("gun battle").
            let not_verb = grammar.not_a_verb(t)
                && !(l.last > t && crate::grammar::eventive_phrase(&s.texts[t..=l.last]));
            let hint = if matches!(l.class, Class::Verb(_)) && not_verb {
                LexHint::NotVerb
            } else if l.class == Class::Noun && predicate(l) && grammar.finite_verb(t) {
                LexHint::Finite
            } else if matches!(l.class, Class::Agent(_)) && l.first == l.last && grammar.verb_at(t)
            {
                // "history would judge the process": a role word the
                // parse reads as a verb names no one.
                LexHint::NotAgent
            } else {
                continue;
            };
            changed |= hints[t] != hint;
            hints[t] = hint;
        }
        if changed {
            flags = Flags::default();
            lx = analysis::lex(
                toks, texts, dict, index, input.date, all_caps, opts, &mut flags, &hints,
            );
        }
    }
    Lexed { lx, flags, grammar }
}

/// Hints for the words that name whom someone is for, against or backed
/// by, not who they are: the word after "pro-", "anti-" or "non-"
/// ("pro-Moscow rebels", "anti-American cleric", "non-Syrian jihadists"),
/// or the time it names after "post-" or "pre-" ("the post-Taliban
/// election"), and the one before "-backed", "-sponsored" and the like
/// ("Iranian-backed militants"), whose participle is then no predicate
/// either.
fn attitudes(text: &str, toks: &[Token], texts: &[&str]) -> Vec<LexHint> {
    const FOR: &[&str] = &["PRO", "ANTI", "NON", "POST", "PRE"];
    const BY: &[&str] = &[
        "BACKED",
        "SUPPORTED",
        "SPONSORED",
        "FUNDED",
        "FINANCED",
        "ARMED",
        "TRAINED",
        "ALLIED",
        "ALIGNED",
        "INSTALLED",
        "APPOINTED",
    ];
    let mut hints = vec![LexHint::None; toks.len()];
    for i in 1..toks.len() {
        let hyphen = || toks[i - 1].hyphened_to(&toks[i], text);
        if FOR.contains(&texts[i - 1]) && hyphen() {
            hints[i] = LexHint::NotActor;
        } else if BY.contains(&texts[i]) && hyphen() {
            // The participle is part of an adjective: no act of its own.
            hints[i - 1] = LexHint::NotActor;
            hints[i] = LexHint::NotVerb;
        }
    }
    hints
}

/// Languages whose names are also their peoples' adjectives.
const LANGUAGES: &[&str] = &[
    "ALBANIAN",
    "ARABIC",
    "ARMENIAN",
    "BENGALI",
    "CHINESE",
    "CROATIAN",
    "DUTCH",
    "ENGLISH",
    "FARSI",
    "FRENCH",
    "GEORGIAN",
    "GERMAN",
    "GREEK",
    "HEBREW",
    "HINDI",
    "INDONESIAN",
    "ITALIAN",
    "JAPANESE",
    "KOREAN",
    "KURDISH",
    "MALAY",
    "PASHTO",
    "PERSIAN",
    "POLISH",
    "PORTUGUESE",
    "RUSSIAN",
    "SERBIAN",
    "SPANISH",
    "SWAHILI",
    "THAI",
    "TURKISH",
    "UKRAINIAN",
    "URDU",
    "VIETNAMESE",
];

/// Words after which a language's name is the language: "spoke Italian",
/// "learn Turkish", "said in Arabic", "translated into English".
const LANGUAGE_BEFORE: &[&str] = &[
    "SPEAK", "SPEAKS", "SPOKE", "SPOKEN", "SPEAKING", "LEARN", "LEARNS", "LEARNED", "LEARNT",
    "LEARNING", "TEACH", "TEACHES", "TAUGHT", "TEACHING", "STUDY", "STUDIED", "STUDYING", "IN",
    "INTO",
];

/// Words that may follow a language's name used as a noun, where a noun
/// after it would make it an adjective ("in Turkish territory").
const AFTER_NOUN: &[&str] = &[
    "AND", "OR", "BUT", "TO", "AS", "WITH", "ON", "AT", "FOR", "BY", "FROM", "IN", "THAT", "WHILE",
    "WHEN", "BEFORE", "AFTER", "THEN", "FLUENTLY", "WELL",
];

/// Hints for the names of languages used as nouns ("spoke Italian", "said
/// in Arabic"): no actor is named there, though the dictionaries list the
/// word as its people's adjective.
fn languages(texts: &[&str], hints: &mut [LexHint]) {
    for i in 1..texts.len() {
        let noun = texts
            .get(i + 1)
            .is_none_or(|next| *next == "," || AFTER_NOUN.contains(next));
        if LANGUAGES.contains(&texts[i]) && LANGUAGE_BEFORE.contains(&texts[i - 1]) && noun {
            hints[i] = LexHint::NotActor;
        }
    }
}

/// Nouns of seas, gulfs and the like that a country's name or adjective
/// may name: "the South China Sea", "the Indian Ocean", "the Sea of
/// Japan", "the Korean Peninsula".
const WATERS: &[&str] = &[
    "SEA",
    "OCEAN",
    "GULF",
    "BAY",
    "STRAIT",
    "STRAITS",
    "PENINSULA",
    "CHANNEL",
    "BASIN",
];

/// Hints for country names that are part of a sea's or a peninsula's
/// name, capitalised after it ("South China Sea") or after its "of" ("Sea
/// of Japan"): a place, and no actor.
fn waters(toks: &[Token], texts: &[&str], hints: &mut [LexHint]) {
    let water = |i: usize| WATERS.contains(&texts[i]) && toks[i].capitalized;
    for i in 0..texts.len() {
        // ("Britain's Channel 4" is Britain's.)
        let before = i + 1 < texts.len() && water(i + 1) && !texts[i].ends_with("'S");
        let after = i >= 2 && texts[i - 1] == "OF" && water(i - 2);
        if (before || after) && toks[i].capitalized {
            hints[i] = LexHint::NotActor;
        }
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
