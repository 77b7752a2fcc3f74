//! Finding where an event happened: the place names of its sentence, the
//! one in a locative phrase nearest its verb, resolved with the event's
//! countries; else the story's dateline.

use crate::gazetteer::{key, Gazetteer, Place};
use statecraft_syntax::Parse;
use statecraft_types::{Feature, Location, LocationSource};

/// What [`locate`] needs of an event. Spans are character offsets in
/// `text`, as in coded events.
#[derive(Clone, Copy, Debug)]
pub struct Event<'a> {
    /// The event's sentence.
    pub text: &'a str,
    /// The source actor's words.
    pub source: Option<[usize; 2]>,
    /// The target actor's words.
    pub target: Option<[usize; 2]>,
    /// The verb's words.
    pub verb: Option<[usize; 2]>,
    /// The countries (ISO alpha-3, or `IGO` and the like) of the source
    /// and the target, which decide between places of one name.
    pub countries: [Option<&'a str>; 2],
    /// The sentence's dependency parse, when the caller has one: a place
    /// then counts only where it attaches to the event's predicate ("shot
    /// five Palestinians in Gaza"), not to a noun ("the war in Iraq").
    pub parse: Option<&'a Parse>,
    /// The CAMEO root ("01" … "20"), which tells a remote act (a
    /// statement, a threat, a sanction) from one done where its target is.
    pub root: Option<&'a str>,
}

/// CAMEO roots of acts done from where their source is, at a distance:
/// statements, appeals, intentions, demands, criticism, rejections,
/// threats and cuts in relations. (Diplomatic cooperation, 05, is not:
/// agreements are signed and embassies opened somewhere.)
const REMOTE: &[&str] = &["01", "02", "03", "10", "11", "12", "13", "16"];

/// Whether an event of this CAMEO root is a remote act, done from where its
/// source is: statements, appeals, intentions, demands, criticism,
/// rejections, threats and cuts in relations (roots 01–03, 10–13, 16).
pub fn is_remote(root: Option<&str>) -> bool {
    root.is_some_and(|r| REMOTE.contains(&r))
}

/// A story's wire dateline ("NAJAF, Iraq -", "TEHRAN (Reuters) -"),
/// resolved: where the story was filed.
#[derive(Clone, Debug, PartialEq)]
pub struct Dateline {
    name: String,
    place: Place,
}

/// What a story says of places outside its sentences: the headline's
/// place ("Musharraf visits Afghanistan") and the dateline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoryPlaces {
    /// The headline's place in a locative phrase or as what was visited.
    title: Option<(String, Place)>,
    /// Where the story was filed.
    dateline: Option<Dateline>,
}

impl StoryPlaces {
    /// Reads a story's headline and its dateline (the text before the
    /// dash, as the wire stage cuts it), either of which may be missing.
    pub fn read(g: &Gazetteer, title: Option<&str>, dateline: Option<&str>) -> StoryPlaces {
        let title = title.and_then(|t| {
            let words = words(t);
            let found = mentions(g, &words);
            let m = found.iter().find(|m| context(&words, m.first).is_some())?;
            let place = choose(g, &m.key, &[])?;
            let surface: Vec<&str> = words[m.first..=m.last].iter().map(|w| w.text).collect();
            Some((display(&surface.join(" "), place), place.clone()))
        });
        StoryPlaces {
            title,
            dateline: dateline.and_then(|d| Dateline::read(g, d)),
        }
    }

    /// The dateline, if the story has one that names a place.
    pub fn dateline(&self) -> Option<&Dateline> {
        self.dateline.as_ref()
    }
}

/// Prepositions whose object is where something is or happens.
const LOCATIVE: &[&str] = &[
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

/// Words before "to X" that make X the place of a visit.
const TRAVEL: &[&str] = &[
    "trip",
    "visit",
    "travel",
    "traveled",
    "travelled",
    "flew",
    "went",
    "returned",
    "journey",
    "came",
    "headed",
];

/// Verbs and nouns whose object is the place visited.
const VISIT: &[&str] = &[
    "visited", "visiting", "visit", "visits", "toured", "touring",
];

/// Nouns whose "of X" names the place X ("the Iraqi city of Najaf").
const PLACE_NOUNS: &[&str] = &[
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
const BEARINGS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Words that may stand between a preposition and its place.
const BETWEEN: &[&str] = &[
    "the",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "neighboring",
    "neighbouring",
    "restive",
    "troubled",
    "volatile",
    "occupied",
    "north",
    "south",
    "east",
    "west",
];

/// Words that join the parts of a name ("Bosnia and Herzegovina",
/// "Gulf of Aden", "Ras al-Ayn").
const JOINERS: &[&str] = &["and", "of", "al", "el", "de", "du", "la", "le"];

/// Whether a name (a folded key) is never a place here, though a place of
/// the gazetteer bears it: months and weekdays ("in May"), and a news
/// agency.
fn not_a_place(key: &str) -> bool {
    let w = key.to_lowercase();
    statecraft_types::month_from_name(&w).is_some()
        || statecraft_text::weekday_from_name(&w).is_some()
        || matches!(key, "REUTERS" | "GOD")
}

/// A word of a sentence: its characters `[start, end)` and its text.
#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// Whether punctuation stands between the word before and this one
    /// ("the visit, Kim met").
    after_stop: bool,
}

impl Word<'_> {
    fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// The words of `text`: letters and digits, with inner full stops,
/// apostrophes and hyphens ("U.S.", "al-Sadr"); a final full stop is kept
/// only in abbreviations ("U.S.").
fn words(text: &str) -> Vec<Word<'_>> {
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
enum Context {
    /// After a locative preposition, or "city of", "north of".
    Locative,
    /// The object of a visit ("visited Damascus", "a trip to Beijing").
    Visit,
}

/// A place name in a sentence: words `[first, last]` and its key.
#[derive(Clone, Debug)]
struct Mention {
    first: usize,
    last: usize,
    key: String,
}

/// The place names of `words`, longest first at each position.
fn mentions(g: &Gazetteer, words: &[Word<'_>]) -> Vec<Mention> {
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
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

/// How the words before word `first` place the name starting there.
fn context(words: &[Word<'_>], first: usize) -> Option<Context> {
    // Punctuation ends a phrase: "During the visit, Kim met".
    let joined = |k: usize| (!words[k].after_stop).then(|| k.checked_sub(1)).flatten();
    let mut j = joined(first)?;
    for _ in 0..2 {
        if BETWEEN.contains(&words[j].lower().as_str()) {
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
    if VISIT.contains(&p.as_str()) || (p == "to" && TRAVEL.contains(&q.as_str())) {
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
fn choose<'g>(g: &'g Gazetteer, key: &str, countries: &[&str]) -> Option<&'g Place> {
    let score = |p: &Place, own: bool| {
        let local = countries.contains(&p.country.as_str());
        (p.population as f64 + 1.0).ln()
            + if local { 3.0 } else { 0.0 }
            + if own { 2.0 } else { 0.0 }
    };
    let (best, own) = g
        .lookup_key(key)
        .max_by(|a, b| score(a.0, a.1).total_cmp(&score(b.0, b.1)))?;
    let local = countries.contains(&best.country.as_str());
    (local || own || best.population >= 100_000).then_some(best)
}

/// The name to print for a place written `surface`: as written, title-cased
/// if in capitals; a country's own name for abbreviations ("U.S.").
fn display(surface: &str, place: &Place) -> String {
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

fn location(
    name: String,
    place: &Place,
    span: Option<[usize; 2]>,
    source: LocationSource,
) -> Location {
    Location {
        name,
        country: place.country.clone(),
        feature: place.feature,
        adm1: place.adm1.clone(),
        lat: place.point.map(|p| p.0),
        lon: place.point.map(|p| p.1),
        geonames_id: place.geonames_id,
        span,
        source,
    }
}

/// Whether `text` names a place in a locative phrase or as what was
/// visited: only then can [`locate`] find a place in it (a caller can skip
/// parsing the others).
pub fn names_place(g: &Gazetteer, text: &str) -> bool {
    let words = words(text);
    mentions(g, &words)
        .iter()
        .any(|m| context(&words, m.first).is_some())
}

/// Where `event` happened: the place its sentence names in a locative
/// phrase or as what was visited, nearest the verb (a place after the verb
/// before one as far before it); never the source's own words (a capital
/// standing for its government). Failing that, the story's `dateline`,
/// when one of the event's actors belongs to its country.
pub fn locate(g: &Gazetteer, event: &Event<'_>, story: &StoryPlaces) -> Option<Location> {
    explain(g, event, story).location
}

/// A place name of a sentence, as [`explain`] weighed it.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate<'g> {
    /// Its words.
    pub words: String,
    /// Character offsets of the words in the sentence.
    pub span: [usize; 2],
    /// How it stands: `"locative"` ("in", "near", "city of", "north of"),
    /// `"visit"` ("visited", "a trip to"), or `None` (no place then).
    pub context: Option<&'static str>,
    /// Whether it hangs on the event's predicate in the parse (`None` when
    /// there is no parse or no verb, or the context already ruled it out).
    pub attached: Option<bool>,
    /// The gazetteer's best place of this name for the event, if any.
    pub place: Option<&'g Place>,
    /// How far from the verb it stands (a place before the verb counts
    /// double), when it is a candidate.
    pub distance: Option<usize>,
}

/// Why an event is placed where it is: every place name of its sentence
/// and the choice.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation<'g> {
    /// The sentence's place names, in text order.
    pub candidates: Vec<Candidate<'g>>,
    /// The location [`locate`] gives.
    pub location: Option<Location>,
    /// The rule that decided.
    pub why: &'static str,
}

/// [`locate`], with the reasons: the place names the sentence holds, how
/// each was weighed, and the rule that decided.
pub fn explain<'g>(g: &'g Gazetteer, event: &Event<'_>, story: &StoryPlaces) -> Explanation<'g> {
    let dateline = story.dateline.as_ref();
    let words = words(event.text);
    let found = mentions(g, &words);
    // Countries the sentence names help to tell places apart ("Najaf, Iraq").
    let mut countries: Vec<&str> = event.countries.iter().flatten().copied().collect();
    for m in &found {
        if let Some((p, true)) = g.lookup_key(&m.key).next() {
            if p.feature == Feature::Country {
                countries.push(&p.country);
            }
        }
    }
    if let Some(d) = dateline {
        countries.push(&d.place.country);
    }
    let verb = event.verb;
    let distance = |span: [usize; 2]| match verb {
        Some(v) if span[0] >= v[1] => span[0] - v[1],
        Some(v) => 2 * v[0].saturating_sub(span[1]),
        None => span[0],
    };
    let remote = is_remote(event.root);
    let mut candidates = Vec::with_capacity(found.len());
    let mut best: Option<(usize, Location)> = None;
    for m in &found {
        let span = [words[m.first].start, words[m.last].end];
        let surface = &event.text[char_byte(event.text, span[0])..char_byte(event.text, span[1])];
        let mut c = Candidate {
            words: surface.to_string(),
            span,
            context: context(&words, m.first).map(|c| match c {
                Context::Locative => "locative",
                Context::Visit => "visit",
            }),
            attached: None,
            place: None,
            distance: None,
        };
        if c.context.is_some() {
            if let (Some(p), Some(v)) = (event.parse, event.verb) {
                let bytes =
                    |c: [usize; 2]| [char_byte(event.text, c[0]), char_byte(event.text, c[1])];
                c.attached = Some(attached(p, bytes(span), bytes(v), !remote));
            }
            c.place = choose(g, &m.key, &countries);
        }
        if let (Some(place), true) = (c.place, c.attached != Some(false)) {
            let d = distance(span);
            c.distance = Some(d);
            if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                let name = display(surface, place);
                best = Some((d, location(name, place, Some(span), LocationSource::Text)));
            }
        }
        candidates.push(c);
    }
    let filed = |d: &Dateline| location(d.name.clone(), &d.place, None, LocationSource::Dateline);
    let (location, why) = match (best, &story.title) {
        (Some((_, l)), _) => (Some(l), "the sentence's place nearest the verb"),
        (None, Some((name, place))) => (
            Some(location(name.clone(), place, None, LocationSource::Text)),
            "the headline's place: the sentence names none",
        ),
        (None, None) => (None, "no place in the sentence or the headline"),
    };
    if let Some(l) = location {
        // The dateline's city is more specific than its country ("BAGHDAD -
        // ... fighting across Iraq").
        return match dateline {
            Some(d) if l.feature == Feature::Country && d.place.country == l.country => {
                Explanation {
                    candidates,
                    location: Some(filed(d)),
                    why: "the dateline's city, in the country the text names",
                }
            }
            _ => Explanation {
                candidates,
                location: Some(l),
                why,
            },
        };
    }
    // Where the story was filed, when nothing else says; but a foreign
    // state's remote act against the dateline's country was done from
    // abroad ("SEOUL - North Korea will not ... improve ties with South
    // Korea, Pyongyang said").
    let Some(d) = dateline else {
        return Explanation {
            candidates,
            location: None,
            why: "no place in the sentence or the headline, and no dateline",
        };
    };
    let [source, target] = event.countries;
    let from_abroad = remote
        && source.is_some_and(|s| g.country(s).is_some() && s != d.place.country)
        && target == Some(d.place.country.as_str());
    if from_abroad {
        Explanation {
            candidates,
            location: None,
            why: "a foreign state's remote act against the dateline's country: done from abroad",
        }
    } else {
        Explanation {
            candidates,
            location: Some(filed(d)),
            why: "the dateline: nothing else says where",
        }
    }
}

/// Whether the place whose words are the bytes `name` attaches to the
/// predicate at the bytes `verb`: up from the name's head through
/// locative and modifier relations (`obl`, `nmod`, `advmod`, `obj`,
/// `compound`, `flat`, `appos`, `conj`, `advcl`) to the predicate, or to a
/// verb it is the complement or conjunct of ("preparing ... to arrive in
/// China"). Only a physical act's place may be reached through a noun
/// ("at UN headquarters in New York", "bombed targets in the city of X");
/// a remote act's must hang on the predicate itself.
fn attached(p: &Parse, name: [usize; 2], verb: [usize; 2], through_nouns: bool) -> bool {
    let words = p.words();
    let within = |w: &statecraft_syntax::Word, s: [usize; 2]| w.start < s[1] && s[0] < w.end;
    let in_name: Vec<usize> = (0..words.len())
        .filter(|&i| within(&words[i], name))
        .collect();
    let Some(&head) = in_name
        .iter()
        .find(|&&i| p.head(i).is_none_or(|h| !in_name.contains(&h)))
    else {
        return false;
    };
    let mut predicate: Vec<usize> = (0..words.len())
        .filter(|&i| within(&words[i], verb))
        .collect();
    for v in predicate.clone() {
        let base = words[v].deprel.split(':').next().unwrap_or_default();
        // A verb's complement or conjunct; an eventive noun's verb ("air
        // strikes killed two militants in Gaza").
        if matches!(base, "xcomp" | "conj" | "ccomp" | "advcl" | "nsubj") {
            predicate.extend(p.head(v));
        }
        predicate.extend(
            p.dependents(v)
                .filter(|&d| matches!(words[d].deprel.split(':').next(), Some("xcomp" | "conj"))),
        );
    }
    let mut at = head;
    for step in 0..6 {
        let base = words[at].deprel.split(':').next().unwrap_or_default();
        if !matches!(
            base,
            "obl" | "nmod" | "advmod" | "obj" | "compound" | "flat" | "appos" | "conj" | "advcl"
        ) {
            return false;
        }
        // A remote act's place is on its predicate, not on a noun: "in
        // Iraq" of "criticised the war in Iraq" is the war's.
        let nominal = matches!(base, "obl" | "nmod" | "obj");
        if step > 0 && nominal && !through_nouns {
            return false;
        }
        match p.head(at) {
            Some(h) if predicate.contains(&h) => return true,
            Some(h) => at = h,
            None => return false,
        }
    }
    false
}

/// The byte offset of character `c` of `text`.
fn char_byte(text: &str, c: usize) -> usize {
    text.char_indices().nth(c).map_or(text.len(), |(b, _)| b)
}

impl Dateline {
    /// Reads a wire dateline or byline ("NAJAF, Iraq -", "TEHRAN
    /// (Reuters) -", "UNITED NATIONS, Sept 14 (AFP) -"); `None` when it
    /// names no place of the gazetteer (a byline such as "AP -").
    pub fn read(g: &Gazetteer, text: &str) -> Option<Dateline> {
        // Brackets out ("(Reuters)", "(AGI)"), then the parts between dashes
        // ("Canadian Press - OTTAWA (CP) -"): the first that names a place.
        let mut plain = String::with_capacity(text.len());
        let mut depth = 0usize;
        for c in text.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => plain.push(c),
                _ => {}
            }
        }
        let plain = plain.replace(['—', '–'], " - ").replace("--", " - ");
        plain
            .split(" - ")
            .map(|p| p.trim().trim_end_matches(['-', ':']).trim())
            .find_map(|part| Dateline::segment(g, part))
    }

    /// One part of a dateline: "NAJAF, Iraq", "JABALYA REFUGEE CAMP, Gaza
    /// Strip" (a name not found is tried without its last words).
    fn segment(g: &Gazetteer, part: &str) -> Option<Dateline> {
        let mut pieces = part.split(',').map(str::trim).filter(|p| !p.is_empty());
        let name = pieces.next()?;
        // The part after the comma may be a country: "NAJAF, Iraq".
        let hint: Vec<&str> = pieces
            .next()
            .and_then(|c| g.lookup(c).find(|(p, _)| p.feature == Feature::Country))
            .map(|(p, _)| vec![p.country.as_str()])
            .unwrap_or_default();
        let words: Vec<&str> = name.split_whitespace().collect();
        (1..=words.len().min(4)).rev().find_map(|n| {
            let name = words[..n].join(" ");
            let k = key(&name);
            if not_a_place(&k) || k.len() < 3 {
                return None;
            }
            let place = choose(g, &k, &hint)?;
            Some(Dateline {
                name: display(&name, place),
                place: place.clone(),
            })
        })
    }

    /// The dateline's country (ISO alpha-3).
    pub fn country(&self) -> &str {
        &self.place.country
    }
}
