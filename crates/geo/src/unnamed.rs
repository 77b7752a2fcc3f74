//! Places a sentence names without a name: "near the Iraqi city", "in
//! this former militant stronghold", "in the Afghan capital", "to visit a
//! southern Russian region", "invaded the country". Such a phrase stands
//! for the place the story has named (the headline's city, the dateline's),
//! or for the capital or the country of the nation its adjective names.

use crate::words::{Mention, Word, LOCATIVE, TRAVEL, VISIT};

/// What an unnamed place phrase stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// "the city", "a town", "this stronghold".
    City,
    /// "the Afghan capital".
    Capital,
    /// "the region", "the province".
    Region,
    /// "the country", "that nation".
    Country,
}

/// Nouns of places, with their kind and whether they are plural (a plural
/// can say a country, never one place).
const NOUNS: &[(&str, Kind, bool)] = &[
    ("city", Kind::City, false),
    ("town", Kind::City, false),
    ("village", Kind::City, false),
    ("stronghold", Kind::City, false),
    ("capital", Kind::Capital, false),
    ("region", Kind::Region, false),
    ("province", Kind::Region, false),
    ("country", Kind::Country, false),
    ("nation", Kind::Country, false),
    ("cities", Kind::City, true),
    ("towns", Kind::City, true),
    ("villages", Kind::City, true),
    ("regions", Kind::Region, true),
    ("provinces", Kind::Region, true),
];

/// Determiners that open the phrase; the first five make it definite: it
/// points at a place already named.
const DETERMINERS: &[&str] = &["the", "this", "that", "its", "their", "a", "an", "several"];

/// Words that end the phrase's modifiers going back: prepositions,
/// conjunctions and verbs of saying, which belong to the clause.
const CLAUSE_WORDS: &[&str] = &[
    "of", "to", "and", "or", "but", "with", "by", "from", "for", "on", "over", "as", "is", "was",
    "are", "were", "be", "been", "has", "have", "had", "said", "says", "which", "who", "while",
    "after", "before", "toward", "towards", "against", "than",
];

/// The most modifiers between the determiner and the noun ("this former
/// militant stronghold" has two).
const MAX_MODIFIERS: usize = 4;

/// An unnamed place phrase: words `first..=noun`.
#[derive(Clone, Debug)]
pub(crate) struct Unnamed {
    /// Its first word (the determiner, or the first modifier).
    pub(crate) first: usize,
    /// Its noun.
    pub(crate) noun: usize,
    pub(crate) kind: Kind,
    pub(crate) plural: bool,
    /// Opened by "the", "this", "that", "its" or "their": it points at a
    /// place already named.
    pub(crate) definite: bool,
    /// Whether its first word is a determiner.
    determiner: bool,
    /// Whether a place name follows it as its apposition ("the Kazakh
    /// capital Astana", "the Sierra Leone capital, Freetown"): the name
    /// then says which place, and this phrase how it stands.
    pub(crate) named: bool,
}

impl Unnamed {
    /// The modifiers' word indexes ("Iraqi" of "near the Iraqi city").
    pub(crate) fn modifiers(&self) -> std::ops::Range<usize> {
        self.first + usize::from(self.determiner)..self.noun
    }
}

/// The unnamed place phrases of `words`, whose place names are `mentions`.
/// Whether each stands where a place can (after a locative preposition, a
/// verb of visiting, or the event's verb) is for the caller to judge.
pub(crate) fn phrases(words: &[Word<'_>], mentions: &[Mention]) -> Vec<Unnamed> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let lower = w.lower();
        let Some(&(_, kind, plural)) = NOUNS.iter().find(|(n, ..)| *n == lower) else {
            continue;
        };
        // "Gaza City" is a name; "the city of Najaf" names its place.
        let next = words.get(i + 1);
        if w.capitalised() || next.is_some_and(|n| !n.after_stop && n.lower() == "of") {
            continue;
        }
        let named = mentions.iter().any(|m| m.first == i + 1);
        let mut first = i;
        let mut modifiers = 0;
        let mut definite = false;
        let mut determiner = false;
        while first > 0 && !words[first].after_stop {
            let before = words[first - 1].lower();
            if DETERMINERS.contains(&before.as_str()) {
                definite = DETERMINERS[..5].contains(&before.as_str());
                determiner = true;
                first -= 1;
                break;
            }
            let stops = CLAUSE_WORDS.contains(&before.as_str())
                || LOCATIVE.contains(&before.as_str())
                || VISIT.contains(&before.as_str())
                || TRAVEL.contains(&before.as_str());
            if stops || modifiers == MAX_MODIFIERS {
                break;
            }
            modifiers += 1;
            first -= 1;
        }
        out.push(Unnamed {
            first,
            noun: i,
            kind,
            plural,
            definite,
            determiner,
            named,
        });
    }
    out
}
