//! Tokenisation into the upper-case words that dictionaries match.
//!
//! This follows TABARI's input filter: text is upper-cased and stripped of
//! accents; hyphens, `?`, `!`, parentheses and double quotes separate
//! words; commas (and semicolons, which become commas) are tokens of their
//! own except inside numbers; a period ends a word unless it belongs to an
//! abbreviation such as `U.S.`. Every token keeps the character span of
//! the original text it came from, for evidence.

use crate::fold::fold_char;

/// What kind of token this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A word.
    Word,
    /// Starts with a digit.
    Number,
    /// `,` or `;`: clause punctuation.
    Comma,
}

/// One token of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Upper-case, accent-free form.
    pub text: String,
    /// Word, number or comma.
    pub kind: TokenKind,
    /// First character offset (in `char`s) in the sentence.
    pub start: usize,
    /// One past the last character offset.
    pub end: usize,
    /// Whether the original word started with an upper-case letter.
    pub capitalized: bool,
}

impl Token {
    /// Whether `next` continues this token across a hyphen of `sentence`,
    /// the text both were cut from ("pro-Moscow", "Yoon-joo"). Tokens drop
    /// hyphens, so the text decides.
    ///
    /// ```
    /// use statecraft_text::tokenize;
    /// let text = "pro-Moscow rebels - and others";
    /// let toks = tokenize(text);
    /// assert!(toks[0].hyphened_to(&toks[1], text));
    /// assert!(!toks[2].hyphened_to(&toks[3], text)); // a dash between spaces
    /// ```
    pub fn hyphened_to(&self, next: &Token, sentence: &str) -> bool {
        next.start == self.end + 1 && sentence.chars().nth(self.end) == Some('-')
    }
}

/// Tokenises one sentence.
///
/// ```
/// use statecraft_text::{tokenize, TokenKind};
/// let toks = tokenize("Syria’s al-Assad met U.S. envoys, 1,500 of them.");
/// let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
/// assert_eq!(words, ["SYRIA'S", "AL", "ASSAD", "MET", "U.S.", "ENVOYS", ",", "1500", "OF", "THEM"]);
/// assert_eq!(toks[6].kind, TokenKind::Comma);
/// assert_eq!(toks[7].kind, TokenKind::Number);
/// assert_eq!((toks[1].start, toks[2].end), (8, 16)); // "al-Assad"
/// assert!(toks[0].capitalized && !toks[1].capitalized);
/// ```
pub fn tokenize(sentence: &str) -> Vec<Token> {
    let chars: Vec<char> = sentence.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 5 + 1);
    let mut word = String::new();
    let mut word_start = 0;
    let mut raw_last: Option<char> = None; // last original char of the word
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let sep = is_separator(c);
        let is_comma = matches!(c, ',' | ';' | '،');
        // Commas between digits belong to the number ("1,500").
        let digit_comma = c == ','
            && !word.is_empty()
            && word.as_bytes()[word.len() - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if digit_comma {
            i += 1;
            continue;
        }
        // A colon inside digits ("18:54") stays in the word.
        let digit_colon = c == ':'
            && !word.is_empty()
            && word.as_bytes()[word.len() - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if (sep || is_comma || c == ':') && !digit_colon {
            flush(&mut word, word_start, i, raw_last, &chars, &mut out);
            if is_comma {
                out.push(Token {
                    text: ",".into(),
                    kind: TokenKind::Comma,
                    start: i,
                    end: i + 1,
                    capitalized: false,
                });
            }
            i += 1;
            continue;
        }
        if word.is_empty() {
            word_start = i;
        }
        fold_char(c, &mut word);
        // Folding can itself produce separators (e.g. a typographic dash).
        if word.ends_with(['-', '"', ' ']) {
            word.pop();
            flush(&mut word, word_start, i, raw_last, &chars, &mut out);
            i += 1;
            continue;
        }
        raw_last = Some(c);
        i += 1;
    }
    flush(
        &mut word,
        word_start,
        chars.len(),
        raw_last,
        &chars,
        &mut out,
    );
    out
}

fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '-' | '_'
                | '?'
                | '!'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '"'
                | '“'
                | '”'
                | '„'
                | '«'
                | '»'
                | '|'
                | '<'
                | '>'
                | '*'
                | '+'
                | '='
                | '~'
                | '–'
                | '—'
                | '‐'
                | '‑'
                | '―'
                | '−'
                | '…'
                | '\u{a0}'
                | '\u{2000}'..='\u{200b}' | '\u{202f}' | '\u{3000}'
        )
}

fn flush(
    word: &mut String,
    start: usize,
    end: usize,
    _last: Option<char>,
    chars: &[char],
    out: &mut Vec<Token>,
) {
    if word.is_empty() {
        return;
    }
    let mut text = std::mem::take(word);
    let mut s = start;
    let mut e = end;
    // Leading quotes and dollar/pound signs are not part of the word.
    while text.starts_with(['\'', '$', '£', '€', '.', '/', ':']) {
        text.remove(0);
        s += 1;
    }
    // Trailing periods end the word unless it is a dotted abbreviation (U.S.).
    loop {
        if text.ends_with('.') {
            let inner = &text[..text.len() - 1];
            let dotted = inner.contains('.')
                || (inner.chars().count() == 1 && inner.chars().all(char::is_alphabetic));
            if dotted {
                break;
            }
            text.pop();
            e -= 1;
        } else if text.ends_with(['\'', ':', '/', ',']) {
            // Keep the plural possessive apostrophe ("dusters'").
            if text.ends_with('\'') && text.len() > 2 && text[..text.len() - 1].ends_with('S') {
                break;
            }
            text.pop();
            e -= 1;
        } else {
            break;
        }
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if text.is_empty() || !text.chars().any(|c| c.is_alphanumeric()) {
        return;
    }
    let kind = if text.starts_with(|c: char| c.is_ascii_digit()) {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    let capitalized = chars[s..e]
        .iter()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| c.is_uppercase());
    out.push(Token {
        text,
        kind,
        start: s,
        end: e,
        capitalized,
    });
}

/// Whether the sentence is written in capitals only (old wire copy), in
/// which case capitalisation says nothing about nouns.
pub fn is_all_caps(sentence: &str) -> bool {
    sentence.chars().any(char::is_alphabetic) && !sentence.chars().any(char::is_lowercase)
}
