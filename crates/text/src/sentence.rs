//! Sentence splitting for running prose.

/// A sentence: byte range into the text it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceSpan {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
}

// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "cmdr", "adm", "sgt",
    "rep", "sen", "gov", "pres", "amb", "st", "mt", "ft", "jr", "sr", "rev", "hon", "no", "vs",
    "etc", "inc", "corp", "ltd", "co", "dept", "univ", "approx", "est", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s", "u.n", "u.k",
    "e.u",
];

/// Splits prose into sentences.
///
/// A sentence ends at `.`, `!` or `?` (plus closing quotes or brackets)
/// followed by white space and an upper-case letter, digit or opening
/// quote, and at every line break (paragraphs). Periods after common
/// abbreviations (`Feb.`, `Mr.`, `U.S.`) and single initials do not end
/// a sentence. Surrounding white space is trimmed; empty sentences are
/// dropped.
///
/// ```
/// use statecraft_text::split_sentences;
/// let text = "Kim visited Damascus from Feb. 5 to 7. He met Al-Shaibani.\nSeoul said \"yes.\" Then it left.";
/// let got: Vec<&str> = split_sentences(text).iter().map(|s| &text[s.start..s.end]).collect();
/// assert_eq!(got, ["Kim visited Damascus from Feb. 5 to 7.", "He met Al-Shaibani.", "Seoul said \"yes.\"", "Then it left."]);
/// ```
pub fn split_sentences(text: &str) -> Vec<SentenceSpan> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c == '\n' {
            push(text, start, pos, &mut out);
            start = pos + 1;
        } else if matches!(c, '.' | '!' | '?') {
            // Extend over repeated terminators and closing quotes/brackets.
            let mut j = i + 1;
            while j < chars.len()
                && matches!(
                    chars[j].1,
                    '.' | '!' | '?' | '"' | '\'' | '”' | '’' | ')' | ']'
                )
            {
                j += 1;
            }
            let end = if j < chars.len() {
                chars[j].0
            } else {
                bytes.len()
            };
            let next_ok = {
                let mut k = j;
                let mut saw_space = false;
                while k < chars.len() && chars[k].1.is_whitespace() && chars[k].1 != '\n' {
                    saw_space = true;
                    k += 1;
                }
                k >= chars.len()
                    || chars[k].1 == '\n'
                    || (saw_space
                        && (chars[k].1.is_uppercase()
                            || chars[k].1.is_ascii_digit()
                            || matches!(chars[k].1, '"' | '“' | '\'' | '‘' | '(' | '[')))
            };
            if next_ok && !(c == '.' && is_abbreviation(text, start, pos)) {
                push(text, start, end, &mut out);
                start = end;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push(text, start, bytes.len(), &mut out);
    out
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<SentenceSpan>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        out.push(SentenceSpan {
            start: start + lead,
            end: start + lead + trimmed.len(),
        });
    }
}

/// Whether the word ending just before byte `dot` is an abbreviation.
fn is_abbreviation(text: &str, start: usize, dot: usize) -> bool {
    let before = &text[start..dot];
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    if lower.is_empty() {
        return false;
    }
    // Single initials ("J.") and dotted acronyms ("U.S").
    if lower.chars().count() == 1 && lower.chars().all(char::is_alphabetic) {
        return true;
    }
    if lower.contains('.') && lower.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    ABBREVIATIONS.contains(&lower.as_str())
}
