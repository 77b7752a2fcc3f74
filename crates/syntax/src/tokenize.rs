//! UD English tokenisation with byte spans.
//!
//! The conventions are those of UD English EWT (v2.15) and GUM, read off
//! their training data:
//!
//! - clitics are words of a multiword token: "don't" = "do" + "n't",
//!   "can't" = "ca" + "n't", "I'm", "we'll", "they've", "she'd", and the
//!   possessive "Syria's" = "Syria" + "'s", "parents'" = "parents" + "'"
//!   (straight, curly or backtick apostrophes); so are some words written
//!   without the apostrophe ("dont", "im", "thats") and "gonna", "wanna",
//!   "gotta", "cannot";
//! - punctuation is split off; a run of `. ! ? …` is one word ("...",
//!   "?!"), so is a run of dashes or rule characters ("--", "====");
//! - hyphens are split ("so - called") except after the prefixes the
//!   treebanks keep ("e-mail", "non-profit", "re-elected") and in phone
//!   numbers and dates of three parts ("713-853-3989"); ranges split
//!   ("5 - 10");
//! - abbreviations keep their period ("U.S.", "Gen.", "Sept.", "p.m.",
//!   "J."), except as the last word of a sentence, where the treebanks
//!   split it ("... at 2:30 p.m" + "."): the tokenizer guesses that from
//!   what follows (end of text, a blank line, or a capital after an
//!   abbreviation that usually ends sentences);
//! - numbers ("1,000", "3.5", "10:30", "9/11"), URLs, e-mail addresses,
//!   hashtags and emoticons (":)", ":-(") are single words; a unit written
//!   against a number is split ("5pm" = "5" + "pm");
//! - "its" before a word that shows it stands for "it's" ("its a", "its
//!   not", "its really") is "it" + "s", as the treebanks annotate it.
//!
//! White space, control and invisible format characters separate words
//! and belong to none. Any input is accepted: the scanner never panics.
//!
//! No crate does UD English tokenisation, so the scanner is hand-written:
//! one pass over the text, no allocation per word, time linear in the
//! input (every look-ahead is bounded or skipped over afterwards).

mod lexicon;

use lexicon::Abbrev;

/// A syntactic word found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Byte offset of the word's first byte in the text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// Whether this word continues the previous word's token: the two are
    /// parts of one multiword token ("do" + "n't" of "don't"), with no text between them.
    pub joined: bool,
}

/// Appends the words of `text` to `out`, in order.
///
/// Every word's form is `&text[piece.start..piece.end]`: never empty, on
/// char boundaries, in increasing order without overlap.
///
/// ```
/// use statecraft_syntax::tokenize::{tokenize, Piece};
/// let text = "Iran's envoy didn't go to the U.S. yesterday.";
/// let mut words = Vec::new();
/// tokenize(text, &mut words);
/// let forms: Vec<&str> = words.iter().map(|p| &text[p.start..p.end]).collect();
/// assert_eq!(
///     forms,
///     ["Iran", "'s", "envoy", "did", "n't", "go", "to", "the", "U.S.", "yesterday", "."]
/// );
/// assert!(words[1].joined && !words[2].joined);
/// ```
pub fn tokenize(text: &str, out: &mut Vec<Piece>) {
    let mut t = Scanner {
        text,
        out,
        open_single: false,
    };
    let n = text.len();
    let mut i = 0;
    while i < n {
        let c = char_at(text, i);
        if is_space(c) {
            if c == '\n' {
                t.open_single = false;
            }
            i += c.len_utf8();
            continue;
        }
        let mut j = i;
        while j < n {
            let c = char_at(text, j);
            if is_space(c) {
                break;
            }
            j += c.len_utf8();
        }
        t.chunk(i, j);
        i = j;
    }
}

/// The char at byte `i` (a char boundary below `text.len()`), or a space
/// when `i` is out of range.
#[inline]
fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => b as char,
        Some(_) => text.get(i..).and_then(|s| s.chars().next()).unwrap_or(' '),
        None => ' ',
    }
}

/// Whether `c` separates words: white space, control characters and
/// invisible format characters.
#[inline]
fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Whether `c` is part of a word: letters, digits, and the combining marks
/// of the main scripts.
#[inline]
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric()
        || matches!(c as u32,
            0x00AD | 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A
            | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0963 | 0x0966..=0x0DFF
            | 0x0E31..=0x0E4E | 0x0EB1..=0x0ECD | 0x0F18..=0x0FBC | 0x102B..=0x103E
            | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x20D0..=0x20FF
            | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

/// Emoticons kept as one word.
const EMOTICONS: &[&str] = &[
    ":-)", ":-(", ":-D", ":-P", ":-p", ";-)", ":')", ":'(", ":)", ":(", ":D", ":P", ":p", ":o",
    ":O", ";)", ";P", ";p", "=)", "=(", "(:", "^_^", "^^", "<3", ":/", ":-/",
];

/// Whether `form` is one of the emoticons the tokenizer keeps whole.
pub(crate) fn is_emoticon(form: &str) -> bool {
    EMOTICONS.contains(&form)
}

/// The scanner's state across chunks.
struct Scanner<'t, 'o> {
    text: &'t str,
    out: &'o mut Vec<Piece>,
    /// Whether a single quote was opened and not yet closed in this line:
    /// then "s'" closes it rather than marking a plural possessive.
    open_single: bool,
}

impl Scanner<'_, '_> {
    /// The char at byte `i`, or a space at or past `e`.
    #[inline]
    fn at(&self, i: usize, e: usize) -> char {
        if i < e {
            char_at(self.text, i)
        } else {
            ' '
        }
    }

    #[inline]
    fn push(&mut self, start: usize, end: usize, joined: bool) {
        if start < end {
            self.out.push(Piece { start, end, joined });
        }
    }

    /// Tokenises the chunk `[s, e)`, a run of non-space characters.
    fn chunk(&mut self, s: usize, e: usize) {
        let bytes = &self.text.as_bytes()[s..e];
        let has_at = bytes.contains(&b'@');
        let mut no_email_before = s;
        let mut p = s;
        while p < e {
            let c = self.at(p, e);
            let next = self.at(p + c.len_utf8(), e);
            if (c == 'h' || c == 'H' || c == 'w' || c == 'W' || c == 'f' || c == 'm' || c == 'M')
                && self.is_url(p, e)
            {
                p = self.url(p, e);
                continue;
            }
            if has_at && p >= no_email_before && (is_word(c) || c == '.' || c == '_') {
                match self.email(p, e) {
                    Ok(q) => {
                        self.push(p, q, false);
                        p = q;
                        continue;
                    }
                    Err(r) => no_email_before = r,
                }
            }
            if c == '.' && p == s && next.is_ascii_lowercase() {
                // A file extension written apart: "redlined .doc".
                let mut q = p + 1;
                while q < e && self.at(q, e).is_ascii_alphanumeric() && q - p <= 5 {
                    q += 1;
                }
                if q - p <= 5 && !is_word(self.at(q, e)) {
                    self.push(p, q, false);
                    p = q;
                    continue;
                }
            }
            let starts_word = is_word(c)
                || ((c == '#' || c == '@') && next.is_alphabetic())
                || ((c == '+' || c == '.') && next.is_ascii_digit() && !self.is_emoticon(p, e));
            p = if starts_word {
                self.word(p, s, e)
            } else {
                self.punct(p, s, e)
            };
        }
    }

    /// Whether a URL starts at `p`.
    fn is_url(&self, p: usize, e: usize) -> bool {
        let b = &self.text.as_bytes()[p..e];
        let starts =
            |pre: &str| b.len() > pre.len() && b[..pre.len()].eq_ignore_ascii_case(pre.as_bytes());
        starts("http://")
            || starts("https://")
            || starts("ftp://")
            || starts("mailto:")
            || (starts("www.") && b.len() > 5 && b[4].is_ascii_alphanumeric())
    }

    /// Pushes the URL at `p` (to the end of the chunk less trailing
    /// punctuation) and returns its end.
    fn url(&mut self, p: usize, e: usize) -> usize {
        let b = self.text.as_bytes();
        let has_open = b[p..e].contains(&b'(');
        let mut q = e;
        while q > p + 1 {
            let (c, len) = last_char(self.text, p, q);
            let trailing = matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | ']' | '}' | '>' | '”' | '’' | '»'
            ) || (c == ')' && !has_open);
            if !trailing {
                break;
            }
            q -= len;
        }
        self.push(p, q, false);
        q
    }

    /// The end of an e-mail address starting at `p`, or, when there is
    /// none, the position before which no address can start either.
    fn email(&self, p: usize, e: usize) -> Result<usize, usize> {
        let local = |c: char| is_word(c) || matches!(c, '.' | '_' | '%' | '+' | '-' | '\'');
        let mut q = p;
        while q < e && local(self.at(q, e)) {
            q += self.at(q, e).len_utf8();
        }
        if self.at(q, e) != '@' || q == p {
            return Err(q.max(p + 1));
        }
        let at = q;
        q += 1;
        let mut end = at;
        let mut dot = false;
        while q < e {
            let c = self.at(q, e);
            if is_word(c) || c == '-' || c == '_' {
                q += c.len_utf8();
                if dot {
                    end = q;
                }
            } else if c == '.' && q > at + 1 && is_word(self.at(q + 1, e)) {
                dot = true;
                q += 1;
            } else {
                break;
            }
        }
        if end == at
            && q > at + 2
            && self.text[at + 1..q]
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'_')
        {
            // A Lotus Notes address: "Sara Shackleton@ECT".
            end = q;
        }
        if end > at {
            Ok(end)
        } else {
            Err(q.max(p + 1))
        }
    }

    /// The end of the emoticon at `p`, if one starts there.
    fn emoticon(&self, p: usize, e: usize) -> Option<usize> {
        let b = &self.text.as_bytes()[p..e];
        for m in EMOTICONS {
            if b.starts_with(m.as_bytes()) {
                let q = p + m.len();
                let last = m.as_bytes()[m.len() - 1];
                let next = self.at(q, e);
                if q == e || !(is_word(next) || last == b'(' || last == b'/' || next == '/') {
                    return Some(q);
                }
            }
        }
        None
    }

    fn is_emoticon(&self, p: usize, e: usize) -> bool {
        self.emoticon(p, e).is_some()
    }

    /// Scans the punctuation at `p`, pushes it and returns its end.
    fn punct(&mut self, p: usize, s: usize, e: usize) -> usize {
        if let Some(q) = self.emoticon(p, e) {
            self.push(p, q, false);
            return q;
        }
        let c = self.at(p, e);
        let len = c.len_utf8();
        let run = |set: &dyn Fn(char) -> bool| {
            let mut q = p;
            while q < e && set(self.at(q, e)) {
                q += self.at(q, e).len_utf8();
            }
            q
        };
        let q = match c {
            '.' | '!' | '?' | '…' => run(&|c| matches!(c, '.' | '!' | '?' | '…')),
            '-' | '=' | '_' | '*' | '~' | '+' | '#' => {
                run(&|c| matches!(c, '-' | '=' | '_' | '*' | '~' | '+' | '#'))
            }
            '<' | '>' | '$' | '^' => run(&|d| d == c),
            '`' if self.at(p + 1, e) == '`' => p + 2,
            '\'' if self.at(p + 1, e) == '\'' => p + 2,
            '’' | '‘' if matches!(self.at(p + 3, e), '’' | '‘') => p + 6,
            '\'' | '’' | '‘' | '`' => return self.single_quote(p, s, e),
            _ => p + len,
        };
        self.push(p, q, false);
        q
    }

    /// A single quote or apostrophe at `p` that does not follow a word:
    /// a word with an elided start ("'em", "'60s", a lone "'s"), or a quote.
    fn single_quote(&mut self, p: usize, s: usize, e: usize) -> usize {
        let c = self.at(p, e);
        let r = p + c.len_utf8();
        if c != '‘' {
            // Elided starts: letters then a boundary.
            let mut q = r;
            while q < e && self.at(q, e).is_ascii_alphanumeric() {
                q += 1;
            }
            if q > r && !is_word(self.at(q, e)) {
                let w = &self.text[r..q];
                let digits = w.bytes().all(|b| b.is_ascii_digit())
                    || (w.len() > 2
                        && w.ends_with('s')
                        && w[..w.len() - 1].bytes().all(|b| b.is_ascii_digit()));
                let elided = matches!(w, "em" | "cause" | "til" | "n" | "tis" | "bout" | "twas");
                let clitic = matches!(w, "s" | "S") && p == s;
                if (digits && w.len() <= 5) || elided || clitic {
                    self.push(p, q, false);
                    return q;
                }
            }
        }
        // A quote: it opens when it starts the chunk before more text.
        if p == s && r < e {
            self.open_single = true;
        } else if c != '‘' {
            self.open_single = false;
        }
        self.push(p, r, false);
        r
    }

    /// Scans the word starting at `p` in the chunk `[s, e)`, pushes its
    /// pieces and returns its end.
    fn word(&mut self, p: usize, s: usize, e: usize) -> usize {
        let text = self.text;
        let first = self.at(p, e);
        let mut q = p + first.len_utf8();
        let mut prev = first;
        let mut seg = p; // start of the current segment, after the last inner mark
        let mut inner_dot = false;
        let mut inner_other = false;
        let all_digits =
            |a: usize, b: usize| a < b && text.as_bytes()[a..b].iter().all(u8::is_ascii_digit);
        let numeric = |a: usize, b: usize| {
            a < b
                && text.as_bytes()[a..b]
                    .iter()
                    .all(|&b| b.is_ascii_digit() || b == b':' || b == b'.' || b == b',')
        };
        loop {
            while q < e {
                let c = self.at(q, e);
                if !is_word(c) {
                    break;
                }
                // A unit written against a number: "5pm", "35mm".
                if c.is_ascii_alphabetic() && prev.is_ascii_digit() && numeric(p, q) {
                    let mut u = q;
                    while u < e && self.at(u, e).is_ascii_alphabetic() {
                        u += 1;
                    }
                    if !is_word(self.at(u, e)) && lexicon::is_unit(&text[q..u]) {
                        self.push(p, q, false);
                        return q;
                    }
                }
                prev = c;
                q += c.len_utf8();
            }
            if q >= e {
                break;
            }
            let c = self.at(q, e);
            let nq = q + c.len_utf8();
            let next = self.at(nq, e);
            let cont = match c {
                '.' if is_word(next) => {
                    // "end.The" is two sentences run together.
                    let lower = text[seg..q].chars().all(|c| c.is_lowercase()) && q - seg >= 2;
                    let glued = lower
                        && next.is_uppercase()
                        && self.at(nq + next.len_utf8(), e).is_lowercase();
                    inner_dot |= !glued;
                    !glued
                }
                ',' => {
                    prev.is_ascii_digit()
                        && (nq..nq + 3).all(|i| self.at(i, e).is_ascii_digit())
                        && !self.at(nq + 3, e).is_ascii_digit()
                        && all_digits(seg, q)
                }
                ':' => prev.is_ascii_digit() && next.is_ascii_digit(),
                '/' => {
                    (all_digits(seg, q) && next.is_ascii_digit())
                        || (q - seg == 1
                            && prev.is_ascii_alphabetic()
                            && (!is_word(next)
                                || (next.is_ascii_alphabetic() && !is_word(self.at(nq + 1, e)))))
                }
                '-' => self.hyphen_continues(p, seg, q, e),
                '&' | '_' => is_word(next) && is_word(prev),
                '*' => next.is_alphabetic() && prev.is_alphabetic(),
                '\'' | '’' | '`' => match self.apostrophe(p, q, prev, e) {
                    Some(end) => return end,
                    None => next.is_alphabetic() && prev.is_alphabetic() && c != '`',
                },
                '!' => &text[p..q] == "Yahoo",
                _ => false,
            };
            if !cont {
                break;
            }
            if c == '-' && all_digits(seg, q) && next.is_ascii_digit() {
                // A phone number or date: take the whole chain.
                q = self.digit_chain_end(q, e);
                prev = '0';
                seg = q;
                continue;
            }
            if c != '.' {
                inner_other = true;
            }
            q = nq;
            prev = c;
            seg = q;
            if c == '/' && !is_word(next) {
                break;
            }
        }
        self.finish(p, q, s, e, inner_dot, inner_other)
    }

    /// Whether the hyphen at `q` stays inside the word `[p, q)` whose last
    /// segment starts at `seg`.
    fn hyphen_continues(&self, p: usize, seg: usize, q: usize, e: usize) -> bool {
        let text = self.text;
        let next = self.at(q + 1, e);
        let digits =
            |a: usize, b: usize| a < b && text.as_bytes()[a..b].iter().all(u8::is_ascii_digit);
        if digits(seg, q) && next.is_ascii_digit() {
            // Groups of the chain: three or more stay whole (phone numbers,
            // dates), two only as a phone number or ZIP+4 (not ranges).
            let (groups, n) = digit_groups(text, seg, e);
            return match &groups[..n] {
                [a, b] => *b == 4 && (*a == 3 || *a == 5),
                g => g.len() >= 3,
            };
        }
        if seg == p && next.is_ascii_digit() && text[seg..q].eq_ignore_ascii_case("mid") {
            return true;
        }
        if !next.is_alphabetic() {
            return false;
        }
        if seg == p && lexicon::is_prefix(&text[seg..q]) {
            return true;
        }
        let mut u = q + 1;
        while u < e && self.at(u, e).is_ascii_alphabetic() {
            u += 1;
        }
        !is_word(self.at(u, e)) && lexicon::is_suffix(&text[q + 1..u])
    }

    /// The end of the chain of digit groups joined by hyphens that goes
    /// on at the hyphen `q`.
    fn digit_chain_end(&self, q: usize, e: usize) -> usize {
        let b = self.text.as_bytes();
        let mut r = q;
        while r + 1 < e && b[r] == b'-' && b[r + 1].is_ascii_digit() {
            r += 1;
            while r < e && b[r].is_ascii_digit() {
                r += 1;
            }
        }
        r
    }

    /// Handles an apostrophe at `q` after the word `[p, q)`: pushes the
    /// word and its clitic and returns the end when it starts one.
    fn apostrophe(&mut self, p: usize, q: usize, prev: char, e: usize) -> Option<usize> {
        let c = self.at(q, e);
        let r = q + c.len_utf8();
        let l = |i: usize| self.at(r + i, e).to_ascii_lowercase();
        let bound = |i: usize| !is_word(self.at(r + i, e));
        if (prev == 'n' || prev == 'N') && l(0) == 't' && bound(1) {
            // "don't" = "do" + "n't"; "can't" = "ca" + "n't".
            self.push(p, q - 1, false);
            self.push(q - 1, r + 1, q - 1 > p);
            return Some(r + 1);
        }
        let w = &self.text[p..q];
        if l(0) == 's'
            && bound(1)
            && (w.len() == 2 || w.len() == 4)
            && w.ends_with('0')
            && w.bytes().all(|b| b.is_ascii_digit())
        {
            // Decades stay whole: "the 80's".
            self.push(p, r + 1, false);
            return Some(r + 1);
        }
        let len = match (l(0), l(1)) {
            ('s' | 'm' | 'd', _) if bound(1) => 1,
            ('l', 'l') | ('r', 'e') | ('v', 'e') if bound(2) => 2,
            _ => 0,
        };
        if len > 0 {
            self.push(p, q, false);
            self.push(q, r + len, true);
            return Some(r + len);
        }
        if !is_word(self.at(r, e)) && (prev == 's' || prev == 'S') && c != '`' && !self.open_single
        {
            // The plural possessive: "parents'" = "parents" + "'".
            self.push(p, q, false);
            self.push(q, r, true);
            return Some(r);
        }
        None
    }

    /// Pushes the word `[p, q)` of the chunk `[s, e)`, with the period
    /// after it if it is an abbreviation, split if it is a fused
    /// contraction; returns its end.
    fn finish(
        &mut self,
        p: usize,
        q: usize,
        _s: usize,
        e: usize,
        inner_dot: bool,
        inner_other: bool,
    ) -> usize {
        let text = self.text;
        let w = &text[p..q];
        if self.at(q, e) == '.' && self.at(q + 1, e) != '.' {
            let class = if inner_dot && !inner_other && dotted_initials(w) {
                Some(Abbrev::Either)
            } else if !inner_dot && !inner_other {
                let mut cs = w.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) if c.is_alphabetic() => Some(Abbrev::Title),
                    _ => lexicon::abbreviation(w),
                }
            } else {
                None
            };
            if let Some(class) = class {
                if !self.ends_sentence(q + 1, e, class) {
                    self.push(p, q + 1, false);
                    return q + 1;
                }
            }
        }
        if w.eq_ignore_ascii_case("its") && q == e && lexicon::is_after_it_is(self.next_word(q)) {
            // "its a shame" = "it" + "s": written for "it's".
            self.push(p, p + 2, false);
            self.push(p + 2, q, true);
            return q;
        }
        if w.eq_ignore_ascii_case("alot") {
            // Two tokens, as the treebanks have it.
            self.push(p, p + 1, false);
            self.push(p + 1, q, false);
            return q;
        }
        if !inner_dot && !inner_other && w.len() <= 8 {
            if let Some(cuts) = lexicon::fused(w) {
                let mut a = p;
                for &c in cuts {
                    self.push(a, p + c, a > p);
                    a = p + c;
                }
                self.push(a, q, true);
                return q;
            }
        }
        self.push(p, q, false);
        q
    }

    /// The letters of the next word after the spaces at `q` (at most 12
    /// bytes; empty if it does not start with a letter).
    fn next_word(&self, q: usize) -> &str {
        let text = self.text;
        let b = text.as_bytes();
        let mut i = q;
        while i < b.len() && (b[i] == b' ' || b[i] == b'\t') && i - q < 4 {
            i += 1;
        }
        let mut j = i;
        while j < b.len() && b[j].is_ascii_alphabetic() && j - i < 12 {
            j += 1;
        }
        &text[i..j]
    }

    /// Whether the period of an abbreviation, ending at `r`, also ends the
    /// sentence, judging by what follows it.
    fn ends_sentence(&self, r: usize, e: usize, class: Abbrev) -> bool {
        if r < e {
            return false;
        }
        let text = self.text;
        let mut i = r;
        let mut lines = 0;
        while i < text.len() {
            let c = char_at(text, i);
            if !is_space(c) {
                break;
            }
            lines += usize::from(c == '\n');
            i += c.len_utf8();
        }
        if i >= text.len() || lines >= 2 {
            return true;
        }
        // Skip opening quotes and brackets.
        while i < text.len() && matches!(char_at(text, i), '"' | '“' | '‘' | '\'' | '(' | '[') {
            i += 1.max(char_at(text, i).len_utf8());
        }
        let c = char_at(text, i);
        if !c.is_uppercase() {
            return false;
        }
        match class {
            Abbrev::Title => false,
            Abbrev::Ender => true,
            Abbrev::Either => {
                let mut j = i;
                while j < text.len() && char_at(text, j).is_ascii_alphabetic() && j - i < 9 {
                    j += 1;
                }
                lexicon::is_starter(&text[i..j])
            }
        }
    }
}

/// The lengths of the digit groups of a hyphenated chain starting at
/// `start` ("713-853-3989" has 3, 3, 4), at most four.
fn digit_groups(text: &str, start: usize, e: usize) -> ([usize; 4], usize) {
    let b = text.as_bytes();
    let mut out = [0; 4];
    let mut n = 0;
    let mut i = start;
    loop {
        let g = i;
        while i < e && b[i].is_ascii_digit() {
            i += 1;
        }
        out[n] = i - g;
        n += 1;
        if n >= 4 || i + 1 >= e || b[i] != b'-' || !b[i + 1].is_ascii_digit() {
            return (out, n);
        }
        i += 1;
    }
}

/// Whether `w` is letters of at most two joined by periods: "U.S",
/// "e.g", "Ph.D", "a.k.a".
fn dotted_initials(w: &str) -> bool {
    w.split('.')
        .all(|s| !s.is_empty() && s.chars().count() <= 2 && s.chars().all(char::is_alphabetic))
}

/// The last char of `text[p..q]` and its length.
fn last_char(text: &str, p: usize, q: usize) -> (char, usize) {
    match text.get(p..q).and_then(|s| s.chars().next_back()) {
        Some(c) => (c, c.len_utf8()),
        None => (' ', 1),
    }
}

#[cfg(test)]
mod tests;
