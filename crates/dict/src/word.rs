//! Dictionary words and how they match text tokens.

/// Which inflections an exact word also accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Endings {
    /// The word only.
    None,
    /// Plural and possessive: `S`, `ES`, `'S`, `S'`, `'`, and `Y` → `IES`.
    Noun,
    /// Regular verb forms as TABARI accepts them: `S`, `ES`, `ED`, `EN`,
    /// `ING`; after a final `E` also `D`, `N` and `E` → `ING`; `Y` →
    /// `IES`/`IED`.
    Verb,
    /// Regular verb forms as PETRARCH generates them: `S` (`ES` after a
    /// sibilant or `O`), `ED` (`D` after `E`), `ING` (dropping a final
    /// `E`), `Y` → `IES`/`IED`, and a doubled final consonant.
    VerbStrict,
    /// The possessive only (`'S`, `'`): whole-word agents marked `{}`.
    Possessive,
}

/// How a dictionary word matches a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// TABARI stem: any token that starts with the word.
    Stem,
    /// The word, or the word plus one of the allowed endings.
    Exact(Endings),
}

/// One word of a dictionary phrase, upper-case.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Word {
    /// Upper-case text.
    pub text: Box<str>,
    /// Matching rule.
    pub mode: Mode,
}

impl Word {
    /// A word with the given mode.
    pub fn new(text: &str, mode: Mode) -> Word {
        Word {
            text: text.into(),
            mode,
        }
    }

    /// Whether this word matches `token` (upper-case).
    ///
    /// ```
    /// use statecraft_dict::{Endings, Mode, Word};
    /// let depart = Word::new("DEPART", Mode::Exact(Endings::Verb));
    /// assert!(depart.matches("DEPARTED") && depart.matches("DEPARTING") && depart.matches("DEPARTEN"));
    /// assert!(!depart.matches("DEPARTX") && !depart.matches("DEPARTINK"));
    /// let deplore = Word::new("DEPLORE", Mode::Exact(Endings::Verb));
    /// assert!(deplore.matches("DEPLORED") && deplore.matches("DEPLORING"));
    /// let syri = Word::new("SYRI", Mode::Stem);
    /// assert!(syri.matches("SYRIAN") && !syri.matches("SYRACUSE"));
    /// let libya = Word::new("LIBYA", Mode::Exact(Endings::Noun));
    /// assert!(libya.matches("LIBYA'S") && libya.matches("LIBYAS") && !libya.matches("LIBYAQ"));
    /// ```
    pub fn matches(&self, token: &str) -> bool {
        let w: &str = &self.text;
        match self.mode {
            Mode::Stem => token.starts_with(w),
            Mode::Exact(endings) => {
                if token == w {
                    return true;
                }
                match token.strip_prefix(w) {
                    Some(rest) => ending_ok(w, rest, endings),
                    None => irregular_stem_ok(w, token, endings),
                }
            }
        }
    }
}

/// `rest` is what follows the full word `w` in the token.
fn ending_ok(w: &str, rest: &str, endings: Endings) -> bool {
    match endings {
        Endings::None => false,
        Endings::Noun => {
            matches!(rest, "S" | "ES" | "'S" | "S'" | "'" | "'S'")
                || (rest == "SES" && w.ends_with('S'))
        }
        Endings::Verb => {
            matches!(rest, "S" | "ES" | "ED" | "EN" | "ING")
                || (w.ends_with('E') && matches!(rest, "D" | "N"))
                || doubled(w, rest)
        }
        Endings::VerbStrict => {
            let sibilant = ["S", "X", "Z", "CH", "SH", "O"]
                .iter()
                .any(|e| w.ends_with(e));
            let e = w.ends_with('E');
            (rest == "S" && !sibilant)
                || (rest == "ES" && sibilant)
                || (rest == "ED" && !e)
                || (rest == "D" && e)
                || (rest == "ING" && !e)
                || doubled(w, rest)
        }
        Endings::Possessive => matches!(rest, "'S" | "'"),
    }
}

/// STOP → STOPPED/STOPPING: a doubled final consonant before a suffix.
fn doubled(w: &str, rest: &str) -> bool {
    let b = w.as_bytes();
    let r = rest.as_bytes();
    if b.len() < 3 || r.is_empty() {
        return false;
    }
    let last = b[b.len() - 1];
    let is_vowel = |c: u8| matches!(c, b'A' | b'E' | b'I' | b'O' | b'U');
    r[0] == last
        && !is_vowel(last)
        && !matches!(last, b'W' | b'X' | b'Y')
        && is_vowel(b[b.len() - 2])
        && !is_vowel(b[b.len() - 3])
        && matches!(&rest[1..], "ED" | "ING")
}

/// Forms that change the end of the word: DEPLORE → DEPLORING,
/// PARTY → PARTIES, CARRY → CARRIED.
fn irregular_stem_ok(w: &str, token: &str, endings: Endings) -> bool {
    // Split off the last *character*, not the last byte: a dictionary word
    // may end in a non-ASCII letter (Latin-1 files, unfolded symbols), and
    // slicing at `len - 1` would panic inside it (found by fuzzing).
    let Some((stem, last)) = w
        .char_indices()
        .next_back()
        .map(|(i, _)| (&w[..i], &w[i..]))
    else {
        return false;
    };
    let Some(rest) = token.strip_prefix(stem) else {
        return false;
    };
    match (endings, last) {
        (Endings::Verb | Endings::VerbStrict, "E") => rest == "ING",
        (Endings::Verb | Endings::VerbStrict, "Y") => matches!(rest, "IES" | "IED"),
        (Endings::Noun, "Y") => matches!(rest, "IES" | "IES'"),
        _ => false,
    }
}

/// Candidate base forms of a token: the strings an exact dictionary word
/// would have to equal for [`Word::matches`] to accept the token. Used
/// to look tokens up in hash indexes.
pub fn base_forms(token: &str, out: &mut Vec<String>) {
    out.clear();
    out.push(token.to_string());
    let mut add = |s: String| {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    for suffix in [
        "'S'", "'S", "S'", "'", "SES", "ES", "S", "ED", "EN", "ING", "D", "N",
    ] {
        if let Some(base) = token.strip_suffix(suffix) {
            add(base.to_string());
            if suffix == "ING" {
                add(format!("{base}E"));
            }
            if matches!(suffix, "ED" | "ING") {
                let b = base.as_bytes();
                // Only an ASCII letter can be doubled here: the last two
                // bytes of a multi-byte character can also be equal, and
                // slicing one byte off would panic (found by fuzzing).
                if b.len() >= 2 && b[b.len() - 1].is_ascii() && b[b.len() - 1] == b[b.len() - 2] {
                    add(base[..base.len() - 1].to_string());
                }
            }
        }
    }
    for suffix in ["IES", "IED", "IES'"] {
        if let Some(base) = token.strip_suffix(suffix) {
            add(format!("{base}Y"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_of_matches() {
        use Endings::*;
        use Mode::*;
        let cases: &[(&str, Mode, &str, bool)] = &[
            ("ACT", Exact(Verb), "ACTS", true),
            ("ACT", Exact(Verb), "ACTUALITY", false),
            ("ACTUALITY", Stem, "ACTUALITYSS", true),
            ("BAN", Exact(None), "BANING", false),
            ("BAN", Exact(None), "BAN", true),
            ("KNOWN", Exact(None), "KNOWNED", false),
            ("MOUSE", Exact(None), "MOUSES", false),
            ("STOP", Exact(Verb), "STOPPED", true),
            ("STOP", Exact(Verb), "STOPPING", true),
            ("CARRY", Exact(Verb), "CARRIED", true),
            ("PARTY", Exact(Noun), "PARTIES", true),
            ("RADIO", Exact(Noun), "RADIO'S", true),
            ("TO", Exact(None), "TOS", false),
            ("DONATE", Exact(Verb), "DONATE'S", false),
            ("IN", Stem, "INTO", true),
            ("IN", Exact(None), "INTO", false),
        ];
        for (w, mode, tok, want) in cases {
            assert_eq!(
                Word::new(w, *mode).matches(tok),
                *want,
                "{w} {mode:?} {tok}"
            );
        }
    }

    #[test]
    fn base_forms_cover_every_accepted_token() {
        let words = [
            "DEPART", "DEPLORE", "STOP", "CARRY", "PARTY", "RADIO", "GLASS", "BUS",
        ];
        let tokens = [
            "DEPARTED",
            "DEPARTING",
            "DEPLORED",
            "DEPLORING",
            "STOPPED",
            "STOPPING",
            "CARRIED",
            "CARRIES",
            "PARTIES",
            "RADIO'S",
            "GLASSES",
            "BUSES",
            "DEPARTEN",
            "DEPLOREN",
        ];
        let mut forms = Vec::new();
        for w in words {
            for endings in [Endings::Noun, Endings::Verb] {
                let word = Word::new(w, Mode::Exact(endings));
                for t in tokens {
                    if word.matches(t) {
                        base_forms(t, &mut forms);
                        assert!(forms.iter().any(|f| f == w), "{t} → {forms:?} lacks {w}");
                    }
                }
            }
        }
    }
}
