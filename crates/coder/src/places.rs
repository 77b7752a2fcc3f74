//! Stage `places` of the statecraft reading: a place named after a
//! locative preposition ("in Gaza", "near the Iraqi city of Najaf", "at
//! UN headquarters in New York") says where something happened, and its
//! country is the sentence's context: where an actor's role is named
//! without a country ("gunmen", "police", "rebels"), the country is taken
//! from there. (The place stays a candidate target: wire leads code "Israeli
//! forces blocked roads in Gaza" as an act against the Palestinians, and
//! the real-news gold set scores lower when such places are dropped.)

use crate::analysis::{Class, Lexeme};
use statecraft_text::Token;

/// Prepositions after which a place is a location.
const LOCATIVE: &[&str] = &[
    "IN",
    "AT",
    "NEAR",
    "INSIDE",
    "OUTSIDE",
    "THROUGHOUT",
    "ACROSS",
    "AROUND",
];

/// Compass points, whose "of X" places something by its bearing from X.
const BEARINGS: &[&str] = &[
    "NORTH",
    "SOUTH",
    "EAST",
    "WEST",
    "NORTHEAST",
    "NORTHWEST",
    "SOUTHEAST",
    "SOUTHWEST",
];

/// Nouns whose "in X" names a party, not a place: "an embassy in Havana"
/// is an embassy accredited to Cuba, "interest in Syria" is interest in the
/// state.
const PARTY_NOUNS: &[&str] = &[
    "EMBASSY",
    "EMBASSIES",
    "CONSULATE",
    "MISSION",
    "INTEREST",
    "INVESTMENT",
    "INVESTMENTS",
    "INVOLVEMENT",
    "INTERVENTION",
    "INTERFERENCE",
    "MEDDLING",
    "STAKE",
];

/// Words that may stand between the preposition and the place: articles,
/// and words written in lower case ("in the troubled eastern Congo").
const MAX_BETWEEN: usize = 3;

/// The lexemes (by index) that are places in a locative phrase: an actor
/// lexeme whose codes all name a country without a role, after a locative
/// preposition with at most [`MAX_BETWEEN`] articles or lower-case words
/// between, where the preposition does not follow a [`PARTY_NOUNS`] noun.
pub(crate) fn locative(lx: &[Lexeme], toks: &[Token], texts: &[&str]) -> Vec<usize> {
    let mut out = Vec::new();
    // Lexeme starting at each token, to see what stands between.
    let mut at = vec![None; toks.len()];
    for (k, l) in lx.iter().enumerate() {
        if let Some(slot) = at.get_mut(l.first) {
            *slot = Some(k);
        }
    }
    for (k, l) in lx.iter().enumerate() {
        let Class::Actor(codes) = &l.class else {
            continue;
        };
        let bare = !codes.is_empty() && codes.iter().all(is_place_code);
        if !bare {
            continue;
        }
        let mut p = l.first;
        let mut between = 0;
        let prep = loop {
            if p == 0 || between > MAX_BETWEEN {
                break None;
            }
            p -= 1;
            let t = texts[p];
            // "north of Baghdad": a bearing from a place is there too.
            if LOCATIVE.contains(&t) || (t == "OF" && p > 0 && BEARINGS.contains(&texts[p - 1])) {
                break Some(p);
            }
            let filler = t == "THE"
                || (!toks[p].capitalized
                    && at[p].is_none_or(|j| matches!(lx[j].class, Class::Word | Class::Adjective)));
            if !filler {
                break None;
            }
            between += 1;
        };
        let Some(prep) = prep else {
            continue;
        };
        if prep > 0 && PARTY_NOUNS.contains(&texts[prep - 1]) {
            continue;
        }
        out.push(k);
    }
    out
}

/// CAMEO role codes: a code with one of these after its country names
/// people, not a place.
const ROLES: &[&str] = &[
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "UAF", "SPY", "CVL", "REF", "MED",
    "EDU", "BUS", "LAB", "REL", "HLH", "ELI", "CRM", "AGR", "DEV", "ENV", "HRI", "MOD", "RAD",
    "INS", "SEP", "PPL", "MNC", "NGO", "IGO", "IMG", "LEF", "RIG", "WLF", "AMN", "UNO",
];

/// Whether `code` names a place: a country (not a role standing alone, as
/// `MED` for a news agency), with nothing after it
/// but a territory or region (`PSEGZA`, Gaza), not a role.
pub(crate) fn is_place_code(code: &statecraft_types::ActorCode) -> bool {
    code.country().is_some_and(is_country)
        && code.role_chunks().all(|r| !ROLES.contains(&r))
        && code.roles().len() <= 3
}

/// Whether the leading part of a code is a country: not an international
/// or non-governmental body, an armed group, or a role standing alone.
pub(crate) fn is_country(c: &str) -> bool {
    !matches!(c, "IGO" | "NGO" | "IMG" | "MNC") && !ROLES.contains(&c)
}

/// Words that put a role beyond any one nation: "the international
/// community", "world powers", "foreign troops", "Western diplomats".
const BEYOND_NATIONS: &[&str] = &[
    "INTERNATIONAL",
    "WORLD",
    "GLOBAL",
    "FOREIGN",
    "WESTERN",
    "REGIONAL",
    "MULTINATIONAL",
    "COALITION",
];

/// Whether the actor at tokens `first..=last` (or the two words before
/// it) is marked as beyond any one nation, so that no country fills it.
pub(crate) fn beyond_nations(toks: &[&str], first: usize, last: usize) -> bool {
    let from = first.saturating_sub(2);
    toks.get(from..=last.min(toks.len().saturating_sub(1)))
        .is_some_and(|ws| ws.iter().any(|w| BEYOND_NATIONS.contains(w)))
}

/// The country of the first place among `places` (lexeme indexes).
pub(crate) fn context_country(lx: &[Lexeme], places: &[usize]) -> Option<String> {
    places.iter().find_map(|&k| match &lx[k].class {
        Class::Actor(codes) => codes.first().and_then(|c| c.country()).map(str::to_string),
        _ => None,
    })
}

/// Possessive pronouns that give a role its owner: "his cabinet", "its
/// army", "their leaders".
pub(crate) const OWNERS: &[&str] = &["HIS", "HER", "ITS", "THEIR"];

/// A role named without a country but owned by a pronoun ("Ariel Sharon
/// and his cabinet", "Israel and its army") belongs to the country of the
/// actor the pronoun stands for: the nearest actor before it that names
/// one. (The sentence's place would say where, not whose.)
pub(crate) fn owned_roles(units: &mut [crate::analysis::Unit], texts: &[&str]) {
    fill_roles(units, |earlier, u| {
        let owned = u.first > 0 && OWNERS.contains(&texts[u.first - 1]);
        if !owned {
            return None;
        }
        earlier.iter().rev().filter(|o| !o.pronoun).find_map(|o| {
            o.members
                .iter()
                .find_map(|m| m.code.country().filter(|c| is_country(c)))
                .map(str::to_string)
        })
    });
}

/// Gives each unit that names only roles ("his cabinet", "troops") the
/// country `country_of(units before it, the unit)` finds, if any.
fn fill_roles(
    units: &mut [crate::analysis::Unit],
    mut country_of: impl FnMut(&[crate::analysis::Unit], &crate::analysis::Unit) -> Option<String>,
) {
    for i in 0..units.len() {
        let u = &units[i];
        let roles_only = !u.members.is_empty()
            && u.members
                .iter()
                .all(|m| m.code.country_unknown() && m.code.has_roles());
        if u.pronoun || !roles_only {
            continue;
        }
        if let Some(c) = country_of(&units[..i], u) {
            for m in &mut units[i].members {
                m.code = m.code.with_country(&c);
            }
        }
    }
}

/// Words that may stand between a role and the place its "of" names:
/// articles and the nouns and adjectives of places ("the mayor of the
/// northern West Bank city of Nablus").
const OF_PLACE_FILLERS: &[&str] = &[
    "THE", "CITY", "TOWN", "VILLAGE", "PROVINCE", "REGION", "DISTRICT", "STATE", "OF", "NORTHERN",
    "SOUTHERN", "EASTERN", "WESTERN", "CENTRAL",
];

/// A role named without a country and followed by "of" and a place ("the
/// mayor of Nablus", "the governor of the southern province of Basra")
/// holds its office there: it takes that place's country.
pub(crate) fn roles_of_places(units: &mut [crate::analysis::Unit], texts: &[&str]) {
    for i in 0..units.len() {
        let u = &units[i];
        let roles_only = !u.pronoun
            && !u.members.is_empty()
            && u.members
                .iter()
                .all(|m| m.code.country_unknown() && m.code.has_roles());
        if !roles_only || texts.get(u.last + 1) != Some(&"OF") {
            continue;
        }
        let Some(next) = units.get(i + 1) else {
            continue;
        };
        let between = (u.last + 2..next.first).all(|t| OF_PLACE_FILLERS.contains(&texts[t]));
        let place = next
            .members
            .iter()
            .find(|m| is_place_code(&m.code))
            .and_then(|m| m.code.country().map(str::to_string));
        if let (true, Some(c)) = (between && !next.pronoun, place) {
            for m in &mut units[i].members {
                m.code = m.code.with_country(&c);
            }
        }
    }
}

/// A role named without a country after an actor of the same role that
/// has one ("U.S. forces raided a village ..., and troops arrested three
/// men") is the same party: it takes that country, before the place's.
pub(crate) fn same_role(units: &mut [crate::analysis::Unit]) {
    fill_roles(units, |earlier, u| {
        let [only] = u.members.as_slice() else {
            return None;
        };
        let role = only.code.role_chunks().next()?;
        earlier.iter().rev().find_map(|o| {
            o.members.iter().find_map(|m| {
                let country = m.code.country().filter(|c| is_country(c))?;
                (m.code.role_chunks().next() == Some(role)).then(|| country.to_string())
            })
        })
    });
}

/// Stage `seats` (statecraft reading): a seat of government that acts,
/// one that is neither a place of a locative phrase ("in Khartoum") nor a
/// modifier of the noun after it ("a London court") nor part of a
/// hyphenated word ("Washington-based"), is its country's
/// government: "Tehran dismissed the allegation", "talks between Khartoum
/// and the rebels". `places` are the lexemes of [`locative`]; `modifier`
/// tells whether the words at tokens `first..=last` modify others: the
/// tagger reads the next token as a common noun, or a hyphen joins them
/// to a neighbour.
pub(crate) fn seats(
    lx: &mut [Lexeme],
    texts: &[&str],
    places: &[usize],
    seats: &[statecraft_dict::Seat],
    date: statecraft_text::Date,
    modifier: impl Fn(usize, usize) -> bool,
) {
    if seats.is_empty() {
        return;
    }
    // Letters only: "PORT - AU - PRINCE" and "Port-au-Prince" are one.
    let letters = |words: &mut dyn Iterator<Item = &str>| -> String {
        words
            .flat_map(|w| w.chars())
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_uppercase)
            .collect()
    };
    for k in 0..lx.len() {
        if places.contains(&k) {
            continue;
        }
        let before_noun = !lx[k].possessive
            && lx.get(k + 1).is_some_and(|n| {
                n.first == lx[k].last + 1
                    && matches!(n.class, Class::Agent(_) | Class::Noun | Class::Actor(_))
            });
        if before_noun {
            continue;
        }
        let (first, last) = (lx[k].first, lx[k].last);
        let l = &mut lx[k];
        let Class::Actor(codes) = &mut l.class else {
            continue;
        };
        let [code] = codes.as_mut_slice() else {
            continue;
        };
        let Some(country) = code.country().filter(|_| !code.has_roles()) else {
            continue;
        };
        let mut words = texts[l.first..=l.last].iter().copied();
        let name = letters(&mut words);
        let name = name
            .strip_suffix('S')
            .filter(|_| l.possessive)
            .unwrap_or(&name);
        let seat = seats.iter().find(|s| {
            *s.country == *country
                && s.in_force(date)
                && letters(&mut s.phrase.words.iter().map(|w| &*w.text)) == name
        });
        // Asked last, of a seat only: it may look at the text.
        if seat.is_some() && !modifier(first, last) {
            *code = statecraft_types::ActorCode::new(format!("{country}GOV"));
        }
    }
}
