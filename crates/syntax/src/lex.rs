//! What the models see of a word, computed once per word: hashes of its
//! form, lowercase, shape, prefixes and suffixes.

use crate::hash;

/// The hashed views of one word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Lex {
    /// The form as written.
    pub(crate) form: u64,
    /// Lowercased, digits as `0`.
    pub(crate) lower: u64,
    /// Character classes: `Xxxx`, `dd,ddd`, `X.X.` (runs capped at four).
    pub(crate) shape: u64,
    /// The last one to four characters of the lowercase.
    pub(crate) suffix: [u64; 4],
    /// The first one to three characters of the lowercase.
    pub(crate) prefix: [u64; 3],
    /// Case: 0 no letters, 1 lowercase, 2 capitalised, 3 all capitals,
    /// 4 mixed.
    pub(crate) case: u8,
    /// Whether the word is a comma, semicolon, colon or dash: punctuation
    /// that separates phrases and clauses.
    pub(crate) separator: bool,
}

/// Longest word read in full; longer ones are seen by their first bytes
/// only, which keeps the cost of a word bounded.
const MAX_WORD: usize = 64;

impl Lex {
    /// The views of `form`, using `buf` as scratch space.
    pub(crate) fn new(form: &str, buf: &mut String) -> Lex {
        let form = truncate(form, MAX_WORD);
        buf.clear();
        for c in form.chars() {
            if c.is_ascii_digit() {
                buf.push('0');
            } else if c.is_ascii() {
                buf.push(c.to_ascii_lowercase());
            } else {
                buf.extend(c.to_lowercase());
            }
        }
        let lower = buf.as_str();
        let mut suffix = [0u64; 4];
        let mut prefix = [0u64; 3];
        // Starts of the last four characters, and ends of the first three.
        let mut starts = [0usize; 4];
        let mut tail = lower.char_indices().rev().map(|(i, _)| i);
        for s in starts.iter_mut() {
            *s = tail.next().unwrap_or(0);
        }
        let mut ends = [lower.len(); 3];
        let mut head = lower.char_indices().map(|(i, c)| i + c.len_utf8());
        for e in ends.iter_mut() {
            *e = head.next().unwrap_or(lower.len());
        }
        let bytes = lower.as_bytes();
        for (k, s) in suffix.iter_mut().enumerate() {
            *s = hash::mix(k as u64 + 1, hash::bytes(&bytes[starts[k]..]));
        }
        for (k, p) in prefix.iter_mut().enumerate() {
            *p = hash::mix(k as u64 + 11, hash::bytes(&bytes[..ends[k]]));
        }
        let lower_h = hash::bytes(lower.as_bytes());
        Lex {
            form: hash::mix(21, hash::bytes(form.as_bytes())),
            lower: lower_h,
            shape: shape(form),
            suffix,
            prefix,
            case: case(form),
            separator: matches!(form, "," | ";" | ":" | "-" | "--" | "—" | "–"),
        }
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char
/// boundary.
pub(crate) fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The case class of a word (see [`Lex::case`]).
fn case(form: &str) -> u8 {
    let (mut upper, mut lower, mut first_upper) = (0, 0, None);
    for c in form.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        } else {
            continue;
        }
        first_upper.get_or_insert(c.is_uppercase());
    }
    match (upper, lower, first_upper) {
        (0, 0, _) => 0,
        (0, _, _) => 1,
        (1, _, Some(true)) => 2,
        (_, 0, _) => 3,
        _ => 4,
    }
}

/// Hash of the word's shape: each character by its class, runs of one class
/// cut at four.
fn shape(form: &str) -> u64 {
    let mut h: u64 = 0x5a17;
    let mut last = '\0';
    let mut run = 0;
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else if c.is_ascii() {
            c
        } else {
            '*'
        };
        if k == last {
            run += 1;
            if run >= 4 {
                continue;
            }
        } else {
            run = 0;
            last = k;
        }
        h = hash::mix(h, u64::from(k));
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(s: &str) -> Lex {
        Lex::new(s, &mut String::new())
    }

    #[test]
    fn views() {
        // Case folds in `lower` but not in `form`.
        assert_eq!(lex("Syria").lower, lex("syria").lower);
        assert_ne!(lex("Syria").form, lex("syria").form);
        // Digits fold; shapes cap runs.
        assert_eq!(lex("1998").lower, lex("2025").lower);
        assert_eq!(lex("Damascus").shape, lex("Seoul").shape);
        assert_ne!(lex("Damascus").shape, lex("seoul").shape);
        assert_eq!(lex("U.S.").shape, lex("U.K.").shape);
        // Suffixes by characters, not bytes.
        assert_eq!(lex("Zürich").suffix[2], lex("rich").suffix[2]);
        assert_eq!(lex("é").suffix[3], lex("é").suffix[3]);
        assert_eq!(lex("relations").suffix[0], lex("forces").suffix[0]);
        assert_ne!(lex("relations").suffix[1], lex("forces").suffix[1]);
    }

    #[test]
    fn long_words_are_bounded() {
        let long = "ж".repeat(10_000);
        assert_eq!(lex(&long), lex(&"ж".repeat(32)));
        assert_eq!(truncate("aé", 2), "a");
    }
}
