//! The words of a sentence as place finding sees them: place names found
//! in the gazetteer, how each stands (after "in", "visited", "the city
//! of"), and the best place of a name.

use crate::gazetteer::{key, Gazetteer, Place};
use statecraft_types::Feature;

/// Prepositions whose object is where something is or happens.
pub(crate) const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "throughout",
    "across",
    "around",
    "into",
    "within",
];

/// Words before "to X" that make X the place of a visit or journey.
pub(crate) const TRAVEL: &[&str] = &[
    "trip",
    "trips",
    "visit",
    "visits",
    "travel",
    "travels",
    "traveled",
    "travelled",
    "traveling",
    "travelling",
    "fly",
    "flies",
    "flew",
    "flying",
    "go",
    "goes",
    "went",
    "going",
    "return",
    "returns",
    "returned",
    "returning",
    "journey",
    "come",
    "comes",
    "came",
    "coming",
    "head",
    "heads",
    "headed",
    "heading",
];

/// Words before "for X" that make X a journey's end ("leaving for
/// Beijing", "left Nigeria for Darfur" reads only "for Darfur").
pub(crate) const LEAVE: &[&str] = &[
    "leave",
    "leaves",
    "left",
    "leaving",
    "depart",
    "departs",
    "departed",
    "departing",
    "bound",
    "set",
    "sets",
    "setting",
];

/// Verbs and nouns whose object is the place visited.
pub(crate) const VISIT: &[&str] = &[
    "visited", "visiting", "visit", "visits", "toured", "touring",
];

/// Nouns whose "of X" names the place X ("the Iraqi city of Najaf").
pub(crate) const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "capital",
    "province",
    "region",
    "port",
    "district",
    "camp",
    "outskirts",
    "suburb",
    "suburbs",
    "area",
    "areas",
    "heart",
    "center",
    "centre",
    "parts",
    "streets",
    "provinces",
    "state",
    "island",
    "islands",
    "cities",
    "towns",
    "villages",
    "regions",
    "border",
];

/// Bearings, whose "of X" places something by X ("north of Baghdad").
pub(crate) const BEARINGS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Adjectives of a part of a country or region ("eastern Congo").
pub(crate) const DIRECTIONAL: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// Words that may stand between a preposition and its place, besides
/// [`DIRECTIONAL`] adjectives and [`BEARINGS`].
const BETWEEN: &[&str] = &[
    "the",
    "neighboring",
    "neighbouring",
    "restive",
    "troubled",
    "volatile",
    "occupied",
];

/// Whether `w` (lower case) may stand between a preposition and its place.
fn between(w: &str) -> bool {
    BETWEEN.contains(&w) || DIRECTIONAL.contains(&w) || BEARINGS.contains(&w)
}

/// Words that end a noun phrase when they follow it.
const FUNCTION_WORDS: &[&str] = &[
    "of", "in", "at", "on", "to", "and", "or", "for", "with", "by", "from", "that", "which", "who",
    "is", "was", "were", "has", "had", "will", "would", "said",
];

/// Words that join the parts of a name ("Bosnia and Herzegovina",
/// "Gulf of Aden", "Ras al-Ayn").
pub(crate) const JOINERS: &[&str] = &["and", "of", "al", "el", "de", "du", "la", "le"];

/// Whether a name (a folded key) is never a place here, though a place of
/// the gazetteer bears it: months and weekdays ("in May"), and a news
/// agency.
pub(crate) fn not_a_place(key: &str) -> bool {
    let w = key.to_lowercase();
    statecraft_types::month_from_name(&w).is_some()
        || statecraft_text::weekday_from_name(&w).is_some()
        || matches!(key, "REUTERS" | "GOD")
}

/// A word of a sentence: its characters `[start, end)` and its text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: &'a str,
    /// Whether punctuation stands between the word before and this one
    /// ("the visit, Kim met").
    pub(crate) after_stop: bool,
}

impl Word<'_> {
    pub(crate) fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    pub(crate) fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// The words of `text`: letters and digits, with inner full stops,
/// apostrophes and hyphens ("U.S.", "al-Sadr"); a final full stop is kept
/// only in abbreviations ("U.S.").
pub(crate) fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let inner = |c: char| matches!(c, '.' | '\'' | '’' | '-');
    let mut i = 0;
    let mut stop = false;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            stop |= !chars[i].1.is_whitespace();
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < chars.len()
            && (chars[end].1.is_alphanumeric()
                || (inner(chars[end].1)
                    && chars.get(end + 1).is_some_and(|c| c.1.is_alphanumeric())))
        {
            end += 1;
        }
        // "U.S." keeps its last full stop.
        let abbreviation =
            end < chars.len() && chars[end].1 == '.' && end >= 2 && chars[end - 2].1 == '.';
        if abbreviation {
            end += 1;
        }
        let byte_end = chars.get(end).map_or(text.len(), |c| c.0);
        out.push(Word {
            start,
            end,
            text: &text[chars[start].0..byte_end],
            after_stop: std::mem::take(&mut stop),
        });
        i = end;
    }
    out
}

/// How a place name stands in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Context {
    /// After a locative preposition, or "city of", "north of".
    Locative,
    /// The object of a visit ("visited Damascus", "a trip to Beijing").
    Visit,
}

/// A place name in a sentence: words `[first, last]` and its key.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) key: String,
}

/// The place names of `words`, longest first at each position.
pub(crate) fn mentions(g: &Gazetteer, words: &[Word<'_>]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].capitalised() {
            i += 1;
            continue;
        }
        let mut found = None;
        let longest = g.max_words().min(words.len() - i);
        for n in (1..=longest).rev() {
            let part = &words[i..i + n];
            let last_ok = part[n - 1].capitalised();
            let inner_ok = part
                .iter()
                .all(|w| w.capitalised() || JOINERS.contains(&w.lower().as_str()));
            if !(last_ok && inner_ok) {
                continue;
            }
            let name: Vec<&str> = part.iter().map(|w| w.text).collect();
            let k = key(&name.join(" "));
            if not_a_place(&k) {
                continue;
            }
            // "UN", "AP": short capitals name only countries ("US", "UK").
            let short = part.len() == 1
                && part[0].text.chars().filter(|c| c.is_alphabetic()).count() <= 3
                && !part[0].text.chars().any(char::is_lowercase);
            let found_here = if short {
                g.lookup_key(&k).any(|(p, _)| p.feature == Feature::Country)
            } else {
                g.lookup_key(&k).next().is_some()
            };
            if found_here {
                found = Some(Mention {
                    first: i,
                    last: i + n - 1,
                    key: k,
                });
                break;
            }
        }
        match found {
            Some(m) => {
                i = m.last + 1;
                // "the University of Miami": a place's name that goes on
                // with "of" and a name is the start of another name.
                let of = words
                    .get(m.last + 1)
                    .is_some_and(|w| !w.after_stop && w.text == "of");
                let named = words
                    .get(m.last + 2)
                    .is_some_and(|w| !w.after_stop && w.capitalised());
                // "attend the Summit,", "at the University": a one-word
                // town after a lower-case "the" that ends its phrase is a
                // common noun ("the Damascus suburb" is still Damascus).
                let ends = words
                    .get(m.last + 1)
                    .is_none_or(|w| w.after_stop || FUNCTION_WORDS.contains(&w.text));
                let the = ends
                    && m.first > 0
                    && !words[m.first].after_stop
                    && words[m.first - 1].text == "the";
                let town = m.first == m.last
                    && g.lookup_key(&m.key)
                        .next()
                        .is_some_and(|(p, _)| p.feature == Feature::City);
                if !(of && named || the && town) {
                    out.push(m);
                }
            }
            None => i += 1,
        }
    }
    out
}

/// How the words before word `first` place the name starting there.
pub(crate) fn context(words: &[Word<'_>], first: usize) -> Option<Context> {
    // Punctuation ends a phrase: "During the visit, Kim met".
    let joined = |k: usize| (!words[k].after_stop).then(|| k.checked_sub(1)).flatten();
    let mut j = joined(first)?;
    for _ in 0..2 {
        if between(&words[j].lower()) {
            j = joined(j)?;
        }
    }
    let p = words[j].lower();
    let q = joined(j).map(|k| words[k].lower()).unwrap_or_default();
    if LOCATIVE.contains(&p.as_str()) {
        return Some(Context::Locative);
    }
    if p == "of" && (PLACE_NOUNS.contains(&q.as_str()) || BEARINGS.contains(&q.as_str())) {
        return Some(Context::Locative);
    }
    // "left Nigeria on Thursday for Darfur": up to five words back.
    let leaving = p == "for"
        && words[..j]
            .iter()
            .rev()
            .take(5)
            .any(|w| LEAVE.contains(&w.lower().as_str()));
    if VISIT.contains(&p.as_str()) || (p == "to" && TRAVEL.contains(&q.as_str())) || leaving {
        return Some(Context::Visit);
    }
    None
}

/// The best place named `key`: by the log of its population, plus a
/// bonus for a country of the event (worth a place twenty times larger)
/// and one for its own name (seven times); so "Moscow" in an event of
/// Italy and the United States is still Russia's, and "Damascus" in an
/// event of Syria is Syria's. A place of no country of the event must
/// bear its own name or hold 100,000 people.
///
/// A first-level division of GeoNames (a US state) is chosen only for an
/// event of its country or where nothing else bears the name, and never
/// over a city of its country of the same name: "in Georgia" is the
/// country unless the event is American; "in Washington" is the city.
pub(crate) fn choose<'g>(g: &'g Gazetteer, key: &str, countries: &[&str]) -> Option<&'g Place> {
    choose_within(g, key, countries, None)
}

/// [`choose`] among the places inside `within` ("Paris, Texas"; "Najaf,
/// Iraq"): of its country, and of its division if it is one. Without
/// such a place, as [`choose`].
pub(crate) fn choose_within<'g>(
    g: &'g Gazetteer,
    key: &str,
    countries: &[&str],
    within: Option<&Place>,
) -> Option<&'g Place> {
    let local = |p: &Place| countries.contains(&p.country.as_str());
    let inside = |p: &Place| {
        within.is_none_or(|w| {
            p.country == w.country && (w.feature != Feature::Adm1 || p.adm1 == w.adm1)
        })
    };
    // A division GeoNames gives (not one of statecraft's regions).
    let division = |p: &Place| p.feature == Feature::Adm1 && p.geonames_id.is_some();
    let score = |p: &Place, own: bool| {
        (p.population as f64 + 1.0).ln()
            + if local(p) { 3.0 } else { 0.0 }
            + if own { 2.0 } else { 0.0 }
    };
    let all: Vec<(&Place, bool)> = g.lookup_key(key).collect();
    let pool: Vec<(&Place, bool)> = match all
        .iter()
        .copied()
        .filter(|(p, _)| inside(p))
        .collect::<Vec<_>>()
    {
        inside_only if !inside_only.is_empty() => inside_only,
        _ => all,
    };
    let others = pool.iter().any(|(p, _)| !division(p));
    let (best, own) = pool
        .iter()
        .copied()
        .filter(|(p, _)| !division(p) || local(p) || !others)
        .max_by(|a, b| score(a.0, a.1).total_cmp(&score(b.0, b.1)))?;
    // "Washington", "New York": the city, not its namesake division.
    let best = match division(best) {
        true => pool
            .iter()
            .map(|(p, _)| *p)
            .filter(|p| p.feature == Feature::City && p.country == best.country)
            .max_by_key(|p| p.population)
            .unwrap_or(best),
        false => best,
    };
    (local(best) || own || best.population >= 100_000).then_some(best)
}

/// The name to print for a place written `surface`: as written, title-cased
/// if in capitals; a country's own name for abbreviations ("U.S.").
pub(crate) fn display(surface: &str, place: &Place) -> String {
    let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
    if (place.feature == Feature::Country && (surface.contains('.') || letters <= 3))
        || matches!(place.feature, Feature::Adm1 | Feature::Other)
    {
        return place.name.clone();
    }
    if surface.chars().any(char::is_lowercase) {
        return surface.to_string();
    }
    surface
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(c) => c
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}
