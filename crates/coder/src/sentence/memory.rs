//! The story memory: what earlier sentences of a story taught the coder
//! (short names, role phrases, the home country, inferred names).

use crate::infer::Evidence;
use crate::names::PlaceWords;
use statecraft_types::ActorCode;

/// What a story has taught the coder so far: short names of people met in
/// full ("Kim" after "Kim Eun-jeong") and role phrases met with their
/// country ("the interim government" after "Syria's interim government").
#[derive(Clone, Default)]
pub(crate) struct StoryMemory {
    /// Word → codes; `None` once two actors claim it.
    pub(super) names: std::collections::HashMap<String, Option<Vec<ActorCode>>>,
    /// Noun-phrase key → country code; `None` when ambiguous.
    pub(super) phrases: std::collections::HashMap<String, Option<String>>,
    /// The story's home country: the first country it names.
    pub(super) home: Option<String>,
    /// Index of the sentence being coded.
    pub sentence: usize,
    /// The country of the story's dateline, where it was filed.
    pub dateline: Option<String>,
    /// Parts of inferred names → why the name got its code.
    pub(super) inferred: std::collections::HashMap<String, Evidence>,
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
    pub(super) fn learn_name(&mut self, words: &[&str], codes: &[ActorCode], places: &PlaceWords) {
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

    /// Remembers the country a role phrase was met with ("INTERIM
    /// GOVERNMENT" of "Syria's interim government"); ambiguous once two
    /// countries claim it.
    pub(super) fn learn_phrase(&mut self, key: &str, code: &ActorCode) {
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
