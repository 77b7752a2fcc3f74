//! Sentence splitting over the words of [`crate::tokenize`].
//!
//! Rules decide each candidate boundary on its own, so a learned model can
//! later replace or veto one kind without touching the others
//! ([`boundary`] says why a boundary was put after a word):
//!
//! - a blank line (two or more line breaks with only white space between)
//!   always ends a sentence ([`Boundary::Paragraph`]);
//! - a run of `.`, `!`, `?` or `…` (then any closing quotes and brackets
//!   attached to it) ends one when the next word can start a sentence: it
//!   begins with a capital, a digit, an opening quote or bracket, or is
//!   "i" ([`Boundary::Punctuation`]). Abbreviations keep their period in
//!   the word ("U.S.", "Gen.", "J.") and so never end a sentence here; the
//!   tokenizer splits the period off an abbreviation it judges to end one;
//! - a wire dateline at the start of a paragraph or of the text, up to and
//!   including its dash, is a sentence of its own, as EWT annotates it:
//!   "TEHRAN (Reuters) -", "NAJAF, Iraq (AP) --", "SEOUL, Dec 2 (Reuters) -",
//!   "BEIRUT —" ([`Boundary::Dateline`]);
//! - a single line break is a space: wire text is hard-wrapped. Except
//!   that a short line (at most [`HEADLINE_WORDS`] words) ending without
//!   punctuation, followed by a line that starts with a capital or a digit,
//!   is a headline, a title or a signature line and ends a sentence
//!   ([`Boundary::Line`]).
//!
//! Time is linear in the number of words (every look-ahead is bounded);
//! nothing limits the length of a sentence (the parser cuts long ones).

use crate::tokenize::Piece;
use std::ops::Range;

/// Why a sentence ends after a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Boundary {
    /// The text or a paragraph ends.
    Paragraph,
    /// Sentence-final punctuation before a sentence start.
    Punctuation,
    /// A wire dateline ends with its dash.
    Dateline,
    /// A short line without final punctuation, before a capitalised line.
    Line,
    /// The layout of e-mail and web text: after a URL, an e-mail header's
    /// time, quoting marks or an emoticon (see [`boundary`]).
    Layout,
}

/// The most words a line without final punctuation may have to count as
/// a headline of its own.
pub const HEADLINE_WORDS: usize = 8;

/// Splits the words of `text` into sentences: the word-index ranges of the
/// sentences, in order, together covering all of `words`, none empty.
///
/// ```
/// use statecraft_syntax::{split::split, tokenize::tokenize};
/// let text = "TEHRAN (Reuters) - Iran said on Sunday it met Gen. Smith. He left.";
/// let mut words = Vec::new();
/// tokenize(text, &mut words);
/// let sentences: Vec<String> = split(text, &words)
///     .into_iter()
///     .map(|r| text[words[r.start].start..words[r.end - 1].end].to_string())
///     .collect();
/// assert_eq!(
///     sentences,
///     ["TEHRAN (Reuters) -", "Iran said on Sunday it met Gen. Smith.", "He left."]
/// );
/// ```
pub fn split(text: &str, words: &[Piece]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..words.len() {
        if boundary(text, words, start, i).is_some() {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out
}

/// Whether (and why) a sentence that started at word `start` ends after
/// word `i`. The last word always ends one.
pub fn boundary(text: &str, words: &[Piece], start: usize, i: usize) -> Option<Boundary> {
    let n = words.len();
    if i + 1 >= n {
        return (i < n).then_some(Boundary::Paragraph);
    }
    let gap = gap(text, words, i);
    let breaks = gap.bytes().filter(|&b| b == b'\n').count();
    if breaks >= 2 {
        return Some(Boundary::Paragraph);
    }
    if i < start + 12 {
        if let Some((end, agency)) = dateline_end(text, words, start) {
            if end == i && (agency || starts_paragraph(text, words, start)) {
                return Some(Boundary::Dateline);
            }
        }
    }
    // Before a dateline with its agency inside a paragraph: "...: TEHRAN (AFP) -".
    let cur = form(text, words[i]);
    let next = form_at(text, words, i + 1);
    let caps = cur.chars().any(char::is_uppercase) && !cur.chars().any(char::is_lowercase);
    if !caps && words[i + 1].start > words[i].end && form_at(text, words, i + 2) == "(" {
        if let Some((_, true)) = dateline_end(text, words, i + 1) {
            return Some(Boundary::Dateline);
        }
    }
    if is_closer(cur) || is_terminal(cur) {
        // Find the terminal punctuation this word closes, if any.
        let mut j = i;
        while j > start
            && is_closer(form_at(text, words, j))
            && gap_is_empty(text, words, j - 1)
            && i - j < 4
        {
            j -= 1;
        }
        let term = form_at(text, words, j);
        if is_terminal(term) {
            // Closers attached after the terminal belong to its sentence:
            // decide after the last of them.
            if (gap.is_empty() && is_closer(next))
                || is_terminal(next)
                || is_citation(text, words, i + 1)
            {
                return None;
            }
            // The period of a list number: "1. The first ...".
            if j == i && term == "." && i > start && i - start <= 2 {
                let num = form_at(text, words, i - 1);
                let lead =
                    i - start == 1 || matches!(form_at(text, words, start), "*" | "(" | "-" | "#");
                if lead && (1..=2).contains(&num.len()) && num.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
            }
            let ellipsis = term.contains('…') || term.len() >= 2 && term.bytes().all(|b| b == b'.');
            let ok = if breaks > 0 {
                true
            } else if j < i || ellipsis {
                // After a closing quote or an ellipsis, only a word that
                // looks like a start: `"Why?" he asked.`
                can_start(text, words, i + 1)
            } else {
                // Web text often starts sentences in lower case.
                !next.starts_with([',', ';', ':', ')', ']', '}', '%'])
            };
            return ok.then_some(Boundary::Punctuation);
        }
    }
    if !gap.is_empty() {
        if let Some(b) = layout(text, words, start, i, cur, next) {
            return Some(b);
        }
    }
    let capital = next
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if breaks == 1 && capital && is_headline(text, words, start, i) {
        return Some(Boundary::Line);
    }
    None
}

/// Boundaries without punctuation that the layout of e-mail and web text
/// marks, after word `i` (`cur`) before `next`: after a URL or address
/// before a capital, a URL or a date; after the time of an e-mail header
/// ("05/31/2001 09:01 AM"); before such a header's date; after `>>`
/// quoting marks, a closing `]` or an emoticon before a capital; after
/// the comma of a letter's closing ("Thanks, | Peter").
fn layout(
    text: &str,
    words: &[Piece],
    start: usize,
    i: usize,
    cur: &str,
    next: &str,
) -> Option<Boundary> {
    let upper = next.chars().next().is_some_and(char::is_uppercase);
    let url = |f: &str| {
        let b = f.as_bytes();
        let pre = |p: &[u8]| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p);
        pre(b"http") || pre(b"www.") || (f.len() > 5 && f.contains('@') && f.contains('.'))
    };
    let found =
        if cur == "," && i <= start + 2 && i > start && is_closing(form_at(text, words, i - 1)) {
            // "Thanks, | Peter", "Regards, | Bob".
            upper
        } else if url(cur) {
            upper || url(next) || is_date(next)
        } else if cur.eq_ignore_ascii_case("am") || cur.eq_ignore_ascii_case("pm") {
            upper && i > 0 && is_time(form_at(text, words, i - 1))
        } else if is_date(next) && is_time(form_at(text, words, i + 2)) {
            !is_terminal(cur) && !cur.chars().all(|c| c.is_lowercase())
        } else if cur == "]" && i >= 2 && is_citation(text, words, i - 2) {
            // After a citation "[7]": another one continues the sentence.
            !is_citation(text, words, i + 1)
                && can_start(text, words, i + 1)
                && !next.starts_with([',', ';', ':', ')'])
        } else if is_rule(cur) || is_rule(next) {
            true
        } else if matches!(cur, ">>" | ">" | "]") || crate::tokenize::is_emoticon(cur) {
            upper || is_date(next)
        } else {
            false
        };
    found.then_some(Boundary::Layout)
}

/// Whether words `i..i + 3` are a citation mark: "[", a number, "]".
fn is_citation(text: &str, words: &[Piece], i: usize) -> bool {
    let num = form_at(text, words, i + 1);
    form_at(text, words, i) == "["
        && form_at(text, words, i + 2) == "]"
        && (1..=3).contains(&num.len())
        && num.bytes().all(|b| b.is_ascii_digit())
}

/// A rule line of ten or more `-`, `=`, `_`, `*` or `~`.
fn is_rule(f: &str) -> bool {
    f.len() >= 10
        && f.bytes()
            .all(|b| matches!(b, b'-' | b'=' | b'_' | b'*' | b'~'))
}

/// A letter's closing word: "Thanks", "Regards", "Sincerely".
fn is_closing(f: &str) -> bool {
    matches!(
        f,
        "Thanks"
            | "thanks"
            | "Regards"
            | "regards"
            | "Sincerely"
            | "Best"
            | "Cheers"
            | "Cordially"
            | "Respectfully"
            | "Love"
            | "Thx"
    )
}

/// A date written with slashes: "05/31/2001", "3/8/00".
fn is_date(f: &str) -> bool {
    let mut parts = 0;
    for p in f.split('/') {
        if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        parts += 1;
    }
    parts == 3
}

/// A clock time: "09:01", "7:30".
fn is_time(f: &str) -> bool {
    let mut parts = f.split(':');
    let h = parts.next().unwrap_or("");
    let mut n = 0;
    for m in parts {
        if m.len() != 2 {
            return false;
        }
        n += 1;
    }
    (1..=2).contains(&h.len())
        && (1..=2).contains(&n)
        && f.bytes().all(|b| b.is_ascii_digit() || b == b':')
}

/// The text between word `i` and the next.
fn gap<'t>(text: &'t str, words: &[Piece], i: usize) -> &'t str {
    match words.get(i + 1) {
        Some(w) => text.get(words[i].end..w.start).unwrap_or(""),
        None => "",
    }
}

fn gap_is_empty(text: &str, words: &[Piece], i: usize) -> bool {
    gap(text, words, i).is_empty()
}

fn form(text: &str, w: Piece) -> &str {
    text.get(w.start..w.end).unwrap_or("")
}

fn form_at<'t>(text: &'t str, words: &[Piece], i: usize) -> &'t str {
    words.get(i).map_or("", |&w| form(text, w))
}

/// Sentence-final punctuation: a run of `.`, `!`, `?`, `…`.
fn is_terminal(form: &str) -> bool {
    !form.is_empty()
        && form
            .chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？'))
}

/// A quote or bracket that can close a sentence.
fn is_closer(form: &str) -> bool {
    matches!(
        form,
        "\"" | "'" | "”" | "’" | ")" | "]" | "}" | "»" | "''" | "’’"
    )
}

/// Whether word `i` can start a sentence.
fn can_start(text: &str, words: &[Piece], i: usize) -> bool {
    let f = form_at(text, words, i);
    let Some(c) = f.chars().next() else {
        return false;
    };
    if c.is_uppercase() || c.is_numeric() {
        return true;
    }
    if c.is_lowercase() {
        // Lower-case "i" as the pronoun, and words of scripts without case.
        return f == "i" || c.to_uppercase().next() == Some(c);
    }
    matches!(
        c,
        '"' | '“'
            | '‘'
            | '\''
            | '('
            | '['
            | '`'
            | '«'
            | '*'
            | '-'
            | '—'
            | '–'
            | '<'
            | '@'
            | '#'
            | '$'
            | '¿'
            | '¡'
    ) || !c.is_ascii_punctuation()
}

/// Whether word `i` starts the text or a paragraph.
fn starts_paragraph(text: &str, words: &[Piece], i: usize) -> bool {
    i == 0
        || (i < words.len()
            && gap(text, words, i - 1)
                .bytes()
                .filter(|&b| b == b'\n')
                .count()
                >= 2)
}

/// The dash ending a wire dateline that starts at word `s`, if one does:
/// upper-case place words ("NEW YORK"), then optionally a comma and a
/// place or date ("Iraq", "Dec 2"), a parenthesised agency ("(Reuters)"),
/// and a dash, within twelve words. Also says whether it names an agency
/// in brackets (then it is a dateline even inside a paragraph).
fn dateline_end(text: &str, words: &[Piece], s: usize) -> Option<(usize, bool)> {
    let upper = |f: &str| {
        f.chars().count() >= 2
            && f.chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '-' || c == '\'')
            && f.chars().any(char::is_alphabetic)
    };
    if !upper(form_at(text, words, s)) {
        return None;
    }
    let mut i = s + 1;
    while i < words.len() && i < s + 4 && upper(form_at(text, words, i)) {
        i += 1;
    }
    let mut paren = false; // an agency in brackets was closed
    let mut open = false;
    let mut comma = false;
    while i < words.len() && i < s + 12 {
        let f = form_at(text, words, i);
        if is_dash(f) && !open {
            let ok = i > s
                && (paren || comma || f != "-" || i == s + 1 || upper(form_at(text, words, i - 1)));
            return ok.then_some((i, paren));
        }
        let first = f.chars().next().unwrap_or(' ');
        match f {
            "," if !open && !paren => comma = true,
            "(" if !open && !paren => open = true,
            ")" if open => {
                open = false;
                paren = true;
            }
            _ if open => {
                if !first.is_uppercase()
                    || !f.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
                {
                    return None;
                }
            }
            _ if comma && !paren => {
                if !(first.is_uppercase() || first.is_ascii_digit() || f == ".") {
                    return None;
                }
            }
            _ => return None,
        }
        i += 1;
    }
    None
}

/// A dash word: "-", "--", "—", "–".
fn is_dash(f: &str) -> bool {
    !f.is_empty() && f.chars().all(|c| matches!(c, '-' | '—' | '–' | '―')) && f.chars().count() <= 3
}

/// Whether the line holding words `start..=i`, which ends after word `i`,
/// is short and ends without punctuation (a headline or title).
fn is_headline(text: &str, words: &[Piece], start: usize, i: usize) -> bool {
    let last = form_at(text, words, i);
    if last
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
    {
        return false;
    }
    // Count back to the start of the line (or of the sentence).
    let mut k = i;
    let mut n = 1;
    while k > start && n <= HEADLINE_WORDS {
        if gap(text, words, k - 1).contains('\n') {
            return true;
        }
        k -= 1;
        n += 1;
    }
    n <= HEADLINE_WORDS
}

#[cfg(test)]
mod tests;
