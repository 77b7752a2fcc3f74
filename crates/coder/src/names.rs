//! Words that name places: never a person's short name ("Korea" of
//! "North Korea's Kim Jong Un" must not come to mean Kim).
//!
//! They come from the state table (names, aliases, capitals of every
//! state) and from the actor dictionaries (every word of a phrase coded
//! with a bare state code: demonyms such as KOREAN, cities such as
//! DAMASCUS), so they cover every state the model knows, not a list of a
//! few.

use statecraft_dict::{ActorCodes, Dictionary};
use statecraft_world::States;
use std::collections::HashSet;

/// Upper-case, folded words.
pub(crate) type PlaceWords = HashSet<Box<str>>;

/// The place words of `states` and `dict`.
pub(crate) fn place_words(dict: &Dictionary, states: &States) -> PlaceWords {
    let mut out = PlaceWords::new();
    let mut add = |text: &str| {
        for w in statecraft_text::fold(text)
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        {
            if w.chars().count() >= 2 {
                out.insert(w.into());
            }
        }
    };
    for s in states.all() {
        add(&s.name);
        add(&s.capital);
        for a in &s.aliases {
            add(a);
        }
    }
    let bare_state = |codes: &ActorCodes| match codes {
        ActorCodes::Codes(c) => c.len() == 1 && c[0].len() == 3 && states.by_cameo(&c[0]).is_some(),
        _ => false,
    };
    for actor in &dict.actors {
        let s = &actor.schedule;
        let bare = s.default.as_ref().is_some_and(bare_state)
            || s.restricted.iter().any(|(_, c)| bare_state(c));
        if !bare {
            continue;
        }
        for p in &actor.phrases {
            for w in &p.words {
                add(&w.text.replace('_', " "));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_words_cover_every_state() {
        let (dict, _) = statecraft_dict::bundled();
        let places = place_words(&dict, States::bundled());
        for w in [
            "KOREA", "KOREAN", "SYRIA", "SYRIAN", "SEOUL", "DAMASCUS", "CUBA", "HAVANA",
            // States beyond the eight of the overlay.
            "BHUTAN", "THIMPHU", "PERU", "PERUVIAN", "NAIROBI", "KENYAN",
        ] {
            assert!(places.contains(w), "{w}");
        }
        // People are not places.
        for w in ["KIM", "ASSAD", "PUTIN"] {
            assert!(!places.contains(w), "{w}");
        }
    }
}
