//! Word lists of the tokenizer, read off the conventions of UD English EWT
//! and GUM: abbreviations that keep their period, hyphenated prefixes kept
//! in one word, contractions written without an apostrophe, and units
//! split from a number written against it.

/// How an abbreviation behaves before a capitalised word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Titles, months, initials: a name or number follows; never ends a
    /// sentence before a capital ("Gen. Smith", "Sept. 11", "J. Smith").
    Title,
    /// Usually last in a sentence when a capital follows ("etc.", "Inc.",
    /// "p.m."): the treebanks then split the period off as the sentence end.
    Ender,
    /// Either ("U.S.", "No."): ends a sentence only before a word that
    /// usually starts one ("The", "He", ...).
    Either,
}

/// `(lowercase form, needs a capital, class)`: abbreviations written with
/// one final period. `needs a capital` keeps ordinary words ("no.", "sun.")
/// out.
const ABBREVIATIONS: &[(&str, bool, Abbrev)] = {
    use Abbrev::{Either as E, Ender as N, Title as T};
    &[
        ("adm", true, T),
        ("al", false, E),
        ("ala", true, E),
        ("approx", false, E),
        ("apr", true, T),
        ("ariz", true, E),
        ("ark", true, E),
        ("arrv", false, E),
        ("assn", true, E),
        ("attn", false, T),
        ("aug", true, T),
        ("ave", true, E),
        ("blvd", true, E),
        ("brig", true, T),
        ("bros", true, N),
        ("calif", true, E),
        ("capt", true, T),
        ("cf", false, T),
        ("cmdr", true, T),
        ("co", true, N),
        ("col", true, T),
        ("colo", true, E),
        ("conn", true, E),
        ("corp", true, N),
        ("cpl", true, T),
        ("dec", true, T),
        ("del", true, E),
        ("dept", false, E),
        ("det", true, T),
        ("div", false, E),
        ("dr", true, T),
        ("drs", true, T),
        ("eg", false, T),
        ("esp", false, T),
        ("est", false, E),
        ("etc", false, N),
        ("ext", false, T),
        ("feb", true, T),
        ("fig", false, T),
        ("fla", true, E),
        ("fr", true, T),
        ("fri", true, E),
        ("ft", true, T),
        ("ga", true, E),
        ("gen", true, T),
        ("gov", true, T),
        ("govt", false, E),
        ("hon", true, T),
        ("hwy", true, T),
        ("ie", false, T),
        ("ill", true, E),
        ("inc", true, N),
        ("ind", true, E),
        ("jan", true, T),
        ("jr", true, N),
        ("jul", true, T),
        ("jun", true, T),
        ("kan", true, E),
        ("ky", true, E),
        ("la", true, E),
        ("lb", false, E),
        ("lbs", false, E),
        ("lt", true, T),
        ("ltd", true, N),
        ("maj", true, T),
        ("mar", true, T),
        ("mass", true, E),
        ("md", true, E),
        ("messrs", true, T),
        ("mich", true, E),
        ("minn", true, E),
        ("miss", true, E),
        ("mlle", true, T),
        ("mme", true, T),
        ("mo", true, E),
        ("mon", true, E),
        ("mont", true, E),
        ("mr", true, T),
        ("mrs", true, T),
        ("ms", true, T),
        ("mt", true, T),
        ("neb", true, E),
        ("nev", true, E),
        ("no", true, T),
        ("nos", true, T),
        ("nov", true, T),
        ("oct", true, T),
        ("okla", true, E),
        ("ore", true, E),
        ("oz", false, E),
        ("pa", true, E),
        ("ph", true, T),
        ("pp", false, T),
        ("pres", true, T),
        ("prof", true, T),
        ("pvt", true, T),
        ("rd", true, E),
        ("rep", true, T),
        ("reps", true, T),
        ("rev", true, T),
        ("sat", true, E),
        ("sen", true, T),
        ("sens", true, T),
        ("sep", true, T),
        ("sept", true, T),
        ("sgt", true, T),
        ("spec", true, T),
        ("sr", true, N),
        ("st", true, T),
        ("sts", true, T),
        ("sun", true, E),
        ("supt", true, T),
        ("tel", false, T),
        ("tenn", true, E),
        ("tex", true, E),
        ("thu", true, E),
        ("thur", true, E),
        ("thurs", true, E),
        ("tue", true, E),
        ("tues", true, E),
        ("univ", true, E),
        ("va", true, E),
        ("viz", false, T),
        ("vol", false, T),
        ("vols", false, T),
        ("vs", false, T),
        ("vt", true, E),
        ("wash", true, E),
        ("wed", true, E),
        ("wis", true, E),
        ("wyo", true, E),
        ("yrs", false, E),
    ]
};

/// The class of `word` (without its period) as an abbreviation, if it is one.
pub(crate) fn abbreviation(word: &str) -> Option<Abbrev> {
    if word.len() > 6 || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 6];
    let lower = lower_ascii(word, &mut buf)?;
    let i = ABBREVIATIONS
        .binary_search_by(|(w, _, _)| w.cmp(&lower))
        .ok()?;
    let (_, cap, class) = ABBREVIATIONS[i];
    if cap && !word.as_bytes()[0].is_ascii_uppercase() {
        return None;
    }
    Some(class)
}

/// Hyphenated prefixes the treebanks keep in one word ("e-mail",
/// "non-profit", "re-elected", "anti-war").
const PREFIXES: &[&str] = &[
    "anti", "arch", "co", "counter", "cross", "e", "ex", "inter", "intra", "micro", "mid", "mini",
    "mis", "multi", "neo", "non", "over", "post", "pre", "pro", "psycho", "re", "semi", "socio",
    "sub", "un",
];

/// Whether `word` is a prefix kept with the hyphen after it.
pub(crate) fn is_prefix(word: &str) -> bool {
    let mut buf = [0u8; 8];
    match lower_ascii(word, &mut buf) {
        Some(l) => PREFIXES.binary_search(&l).is_ok(),
        None => false,
    }
}

/// Hyphenated suffixes kept with the word before them ("career-wise").
const SUFFIXES: &[&str] = &["esque", "fest", "fold", "gate", "ish", "wise"];

/// Whether `word` is a suffix kept with the hyphen before it.
pub(crate) fn is_suffix(word: &str) -> bool {
    let mut buf = [0u8; 8];
    match lower_ascii(word, &mut buf) {
        Some(l) => SUFFIXES.binary_search(&l).is_ok(),
        None => false,
    }
}

/// Words the treebanks split into several without an apostrophe to mark
/// it: the byte offsets where each further word starts ("dont" = "do" +
/// "nt", "gonna" = "gon" + "na", "cannot" = "can" + "not").
const FUSED: &[(&str, &[usize])] = &[
    ("aint", &[2]),
    ("arent", &[3]),
    ("arnt", &[2]),
    ("cannot", &[3]),
    ("cant", &[2]),
    ("couldnt", &[5]),
    ("didnt", &[3]),
    ("doesnt", &[4]),
    ("dont", &[2]),
    ("dunno", &[2, 3]),
    ("gonna", &[3]),
    ("gotta", &[3]),
    ("hadnt", &[3]),
    ("hasnt", &[3]),
    ("havent", &[4]),
    ("hes", &[2]),
    ("im", &[1]),
    ("isnt", &[2]),
    ("ive", &[1]),
    ("lets", &[3]),
    ("outta", &[3]),
    ("shouldnt", &[6]),
    ("thats", &[4]),
    ("theres", &[5]),
    ("theyre", &[4]),
    ("wanna", &[3]),
    ("wasnt", &[3]),
    ("werent", &[4]),
    ("whats", &[4]),
    ("wont", &[2]),
    ("wouldnt", &[5]),
    ("youll", &[3]),
    ("youre", &[3]),
    ("youve", &[3]),
];

/// Where the words of a fused `word` start after its first, if it is one.
pub(crate) fn fused(word: &str) -> Option<&'static [usize]> {
    let mut buf = [0u8; 8];
    let l = lower_ascii(word, &mut buf)?;
    let i = FUSED.binary_search_by(|(w, _)| w.cmp(&l)).ok()?;
    Some(FUSED[i].1)
}

/// Units split from a number written against them ("5pm" = "5" + "pm",
/// "35mm"); ordinals and decades ("20th", "1970s") stay whole.
const UNITS: &[&str] = &[
    "am", "bn", "cm", "ft", "g", "gb", "hr", "hrs", "k", "kb", "kg", "km", "kph", "lb", "lbs", "m",
    "mb", "mg", "mi", "min", "mins", "ml", "mm", "mph", "pm", "tb", "yrs",
];

/// Whether `word` is a unit split from a number before it.
pub(crate) fn is_unit(word: &str) -> bool {
    let mut buf = [0u8; 8];
    match lower_ascii(word, &mut buf) {
        Some(l) => UNITS.binary_search(&l).is_ok(),
        None => false,
    }
}

/// Capitalised words that usually start a sentence: after an abbreviation
/// of class [`Abbrev::Either`] they mark the period as a sentence end.
const STARTERS: &[&str] = &[
    "a", "after", "also", "although", "an", "and", "as", "at", "but", "by", "did", "do", "during",
    "for", "from", "he", "her", "here", "his", "how", "however", "i", "if", "in", "is", "it",
    "its", "my", "no", "now", "on", "our", "she", "since", "so", "some", "that", "the", "their",
    "then", "there", "these", "they", "this", "those", "though", "to", "we", "what", "when",
    "where", "which", "while", "who", "why", "with", "yes", "you", "your",
];

/// Whether `word` (capitalised) usually starts a sentence.
pub(crate) fn is_starter(word: &str) -> bool {
    let mut buf = [0u8; 8];
    match lower_ascii(word, &mut buf) {
        Some(l) => STARTERS.binary_search(&l).is_ok(),
        None => false,
    }
}

/// Words that follow "its" written for "it's" ("its a", "its not", "its
/// really"), never the possessive "its": then "its" = "it" + "s".
const AFTER_IT_IS: &[&str] = &[
    "a",
    "about",
    "actually",
    "all",
    "almost",
    "also",
    "always",
    "an",
    "as",
    "because",
    "been",
    "between",
    "definitely",
    "easy",
    "for",
    "from",
    "getting",
    "going",
    "gonna",
    "great",
    "in",
    "just",
    "kind",
    "less",
    "like",
    "not",
    "nothing",
    "now",
    "ok",
    "okay",
    "only",
    "pretty",
    "probably",
    "really",
    "simply",
    "so",
    "still",
    "that",
    "the",
    "too",
    "very",
    "your",
];

/// Whether `word` after "its" shows it stands for "it's": a word of
/// [`AFTER_IT_IS`] or an adverb in "-ly".
pub(crate) fn is_after_it_is(word: &str) -> bool {
    let mut buf = [0u8; 12];
    match lower_ascii(word, &mut buf) {
        Some(l) => {
            AFTER_IT_IS.binary_search(&l).is_ok()
                || (l.len() > 5
                    && l.ends_with("ly")
                    && !matches!(l, "family" | "supply" | "assembly" | "monthly" | "weekly"))
        }
        None => false,
    }
}

/// `word` lowercased into `buf`, if it is ASCII and fits.
fn lower_ascii<'a>(word: &str, buf: &'a mut [u8]) -> Option<&'a str> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(PREFIXES.windows(2).all(|w| w[0] < w[1]));
        assert!(SUFFIXES.windows(2).all(|w| w[0] < w[1]));
        assert!(FUSED.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(UNITS.windows(2).all(|w| w[0] < w[1]));
        assert!(STARTERS.windows(2).all(|w| w[0] < w[1]));
        assert!(AFTER_IT_IS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn lookups() {
        assert_eq!(abbreviation("Gen"), Some(Abbrev::Title));
        assert_eq!(abbreviation("etc"), Some(Abbrev::Ender));
        assert_eq!(abbreviation("no"), None);
        assert!(is_prefix("Non") && !is_prefix("so"));
        assert_eq!(fused("Dont"), Some(&[2usize][..]));
        assert!(is_unit("pm") && !is_unit("th"));
        assert!(is_starter("The"));
    }
}
