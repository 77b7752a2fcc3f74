//! Event dates from sentence text.
//!
//! [`find_dates`] finds the date expressions wire stories use — "said
//! Tuesday", "from Feb. 5 to 7", "in December", "late last year", "three
//! years ago" — and resolves each against the story's publication date to
//! an inclusive range of days with a [`Precision`]. Expressions that would
//! resolve outside 0001–9999 are dropped.
//!
//! Relative expressions need a direction. News mostly reports the past, so
//! the default is the past. A future cue ("will", "plans", "scheduled",
//! "is to", "set to", "expected", "may", …) turns it to the future when it
//! is met before any past verb ("said", "met", a lower-case "-ed" word that
//! does not follow "be" or an article) on the way back from the
//! expression: at most twelve words, stopping at a semicolon or a word
//! that opens a subordinate clause ("that", "which", …). When that finds
//! nothing (a fronted "In May, the council will decide"), the same scan
//! runs forward. It is a cheap stand-in for "the verb of the expression's
//! clause" and keeps "officials said Tuesday they will meet" past for
//! Tuesday.
//!
//! How expressions resolve (story date S):
//! - a plain weekday is the latest such day on or before S (the next one
//!   after S in the future); `last` is strictly before S, `next` strictly
//!   after;
//! - a date without a year takes the year that puts it nearest S: in the
//!   past no more than 14 days after S, in the future not ending before S;
//!   a bare month is the same, without the 14 days;
//! - weeks are ISO weeks (Monday to Sunday) at day precision; `earlier this
//!   week` runs from Monday to the day before S and `later this week` from
//!   the day after S to Sunday (never an empty range);
//! - `early`/`mid`/`late` are the first, middle and last thirds: Jan–Apr,
//!   May–Aug, Sep–Dec of a year (year precision), days 1–10, 11–20 and 21–end
//!   of a month; `the end of` a year is December (month precision);
//! - seasons are northern-hemisphere: spring Mar–May, summer Jun–Aug,
//!   autumn/fall Sep–Nov, and winter Y runs from December Y to February Y+1.
//!
//! Bare months, years and seasons need a preposition before them ("in",
//! "since", "by", …; a year may also open a chronology's entry, "1979:
//! ..."), and "May" a stricter one, so counts, modals and
//! names stay out: "22 years", "1996 people", "Seoul may visit", "Theresa
//! May", "the 1990s", "Resolution 2254" and "F-16" are not dates. US-style
//! `12/8/2024` is skipped as ambiguous; ISO `2024-12-08` is read.
//!
//! Spans are in `char`s, like [`Token`](crate::Token) spans. Prepositions
//! ("in", "on", "since") are not part of an expression; range words
//! ("from … to", "between … and") and modifiers ("last", "early") are.

use statecraft_types::{Date, Precision};

/// One resolved date expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateExpr {
    /// First day, inclusive.
    pub start: Date,
    /// Last day, inclusive; equal to `start` for a single day.
    pub end: Date,
    /// How precisely the expression names the time.
    pub precision: Precision,
    /// Character offsets `[start, end)` of the expression in the sentence.
    pub span: [usize; 2],
    /// The expression as written, e.g. `from Feb. 5 to 7`.
    pub text: String,
}

/// Every date expression in `sentence`, in order of position, resolved
/// against the story's publication date.
///
/// ```
/// use statecraft_text::{find_dates, Date, Precision};
/// let story = Date::from_ymd(2025, 2, 11).unwrap(); // a Tuesday
/// let found = find_dates("Kim visited Damascus from Feb. 5 to 7, an official said Tuesday.", story);
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[0].text, "from Feb. 5 to 7");
/// assert_eq!((found[0].start.to_string(), found[0].end.to_string()),
///            ("2025-02-05".to_string(), "2025-02-07".to_string()));
/// assert_eq!(found[1].text, "Tuesday");
/// assert_eq!(found[1].start, story);
///
/// let found = find_dates("Hayat Tahrir al-Sham ousted Assad in December.", story);
/// assert_eq!(found[0].precision, Precision::Month);
/// assert_eq!(found[0].start.to_string(), "2024-12-01");
/// assert_eq!(found[0].end.to_string(), "2024-12-31");
///
/// assert!(find_dates("Seoul may visit for 22 years.", story).is_empty());
/// ```
pub fn find_dates(sentence: &str, story_date: Date) -> Vec<DateExpr> {
    if !may_contain_date(sentence) {
        return Vec::new();
    }
    if sentence.len() <= PIECE {
        let mut out = Vec::new();
        find_in(sentence, story_date, 0, &mut out);
        return out;
    }
    // A runaway "sentence" (a whole file without periods) is read in pieces
    // cut at whitespace, so memory stays bounded.
    let mut out = Vec::new();
    let (mut b, mut chars) = (0, 0);
    while b < sentence.len() {
        let piece = next_piece(&sentence[b..]);
        find_in(piece, story_date, chars, &mut out);
        chars += piece.chars().count();
        b += piece.len();
    }
    out
}

/// Bytes per piece of an overlong sentence.
const PIECE: usize = 16 * 1024;

/// A prefix of `s` of about `PIECE` bytes, ending before whitespace when
/// there is some within another `PIECE` bytes.
fn next_piece(s: &str) -> &str {
    if s.len() <= PIECE {
        return s;
    }
    let floor = |mut e: usize| {
        while !s.is_char_boundary(e) {
            e -= 1;
        }
        e
    };
    let cut = floor(PIECE);
    let limit = floor((2 * PIECE).min(s.len()));
    let end = s[cut..limit]
        .find(char::is_whitespace)
        .map_or(limit, |k| cut + k);
    &s[..end]
}

/// Dates in one piece of a sentence whose first char is at `offset`.
fn find_in(text: &str, story: Date, offset: usize, out: &mut Vec<DateExpr>) {
    let p = Parser {
        t: lex(text),
        story,
    };
    let mut i = 0;
    while i < p.t.len() {
        let Some(h) = p.at(i) else {
            i += 1;
            continue;
        };
        let (a, b) = (&p.t[h.first], &p.t[h.last]);
        // Arithmetic holds dates at 0001-01-01 and 9999-12-31; an
        // expression that would leave the calendar ("next year" in a story
        // of 9999) is not a date we can give.
        if h.start == Date::MIN || h.end == Date::MAX {
            i = h.last.max(i) + 1;
            continue;
        }
        out.push(DateExpr {
            start: h.start,
            end: h.end,
            precision: h.precision,
            span: [offset + a.start, offset + b.end],
            text: text[a.b0..b.b1].to_string(),
        });
        i = h.last.max(i) + 1;
    }
}

/// Cheap filter: a date needs a digit or one of a few words. Runs before
/// any allocation, since most sentences have no date.
fn may_contain_date(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            return true;
        }
        if b[i].is_ascii_alphabetic() {
            let st = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            if is_trigger(&b[st..i]) {
                return true;
            }
        } else {
            i += 1;
        }
    }
    false
}

fn is_trigger(w: &[u8]) -> bool {
    if !(3..=9).contains(&w.len()) {
        return false;
    }
    let mut buf = [0u8; 9];
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    // Without digits only full names and relative words can make a date.
    matches!(
        &buf[..w.len()],
        b"january"
            | b"february"
            | b"march"
            | b"april"
            | b"may"
            | b"june"
            | b"july"
            | b"august"
            | b"september"
            | b"october"
            | b"november"
            | b"december"
            | b"monday"
            | b"tuesday"
            | b"wednesday"
            | b"thursday"
            | b"friday"
            | b"saturday"
            | b"sunday"
            | b"today"
            | b"tonight"
            | b"yesterday"
            | b"tomorrow"
            | b"night"
            | b"morning"
            | b"afternoon"
            | b"evening"
            | b"day"
            | b"days"
            | b"week"
            | b"weeks"
            | b"weekend"
            | b"month"
            | b"months"
            | b"year"
            | b"years"
            | b"spring"
            | b"summer"
            | b"autumn"
            | b"fall"
            | b"winter"
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct,
}

/// A run of letters, a run of ASCII digits, or one other character.
#[derive(Clone, Copy)]
struct Tok<'a> {
    s: &'a str,
    kind: Kind,
    /// Char offsets.
    start: usize,
    end: usize,
    /// Byte offsets, always on char boundaries.
    b0: usize,
    b1: usize,
    /// Whitespace (or the sentence start) comes right before.
    gap: bool,
}

fn lex(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::with_capacity(s.len() / 4 + 1);
    let mut it = s.char_indices().peekable();
    let mut ci = 0;
    let mut gap = true;
    while let Some((b0, c)) = it.next() {
        ci += 1;
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Num
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            Kind::Punct
        };
        let start = ci - 1;
        let mut b1 = b0 + c.len_utf8();
        while let Some(&(nb, nc)) = it.peek() {
            let same = match kind {
                Kind::Num => nc.is_ascii_digit(),
                Kind::Word => nc.is_alphabetic(),
                Kind::Punct => false,
            };
            if !same {
                break;
            }
            it.next();
            ci += 1;
            b1 = nb + nc.len_utf8();
        }
        out.push(Tok {
            s: &s[b0..b1],
            kind,
            start,
            end: ci,
            b0,
            b1,
            gap,
        });
        gap = false;
    }
    out
}

use statecraft_types::MONTH_NAMES as MONTHS;

/// Month number and whether `w` is the full name (not an abbreviation).
fn month_num(w: &str) -> Option<(u32, bool)> {
    let pos = |f: &dyn Fn(&str) -> bool| MONTHS.iter().position(|n| f(n)).map(|k| k as u32 + 1);
    if let Some(m) = pos(&|n| w.eq_ignore_ascii_case(n)) {
        return Some((m, true));
    }
    if w.eq_ignore_ascii_case("sept") {
        return Some((9, false));
    }
    if w.len() == 3 {
        return pos(&|n| w.eq_ignore_ascii_case(&n[..3])).map(|m| (m, false));
    }
    None
}

/// The weekday (0 = Monday) a word names in full, any case.
///
/// ```
/// assert_eq!(statecraft_text::weekday_from_name("Thursday"), Some(3));
/// assert_eq!(statecraft_text::weekday_from_name("Thu"), None);
/// ```
pub fn weekday_from_name(w: &str) -> Option<u32> {
    weekday_num(w).filter(|&(_, full)| full).map(|(d, _)| d)
}

/// Weekday (0 = Monday) and whether `w` is the full name.
fn weekday_num(w: &str) -> Option<(u32, bool)> {
    const FULL: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    const ABBR: [(&str, u32); 10] = [
        ("mon", 0),
        ("tue", 1),
        ("tues", 1),
        ("wed", 2),
        ("thu", 3),
        ("thur", 3),
        ("thurs", 3),
        ("fri", 4),
        ("sat", 5),
        ("sun", 6),
    ];
    if let Some(k) = FULL.iter().position(|n| w.eq_ignore_ascii_case(n)) {
        return Some((k as u32, true));
    }
    ABBR.iter()
        .find(|(n, _)| w.eq_ignore_ascii_case(n))
        .map(|&(_, k)| (k, false))
}

/// First month of a season.
fn season_num(w: &str) -> Option<u32> {
    [
        ("spring", 3),
        ("summer", 6),
        ("autumn", 9),
        ("fall", 9),
        ("winter", 12),
    ]
    .iter()
    .find(|(n, _)| w.eq_ignore_ascii_case(n))
    .map(|&(_, m)| m)
}

fn small_number(w: &str) -> Option<u32> {
    const WORDS: [(&str, u32); 19] = [
        ("a", 1),
        ("an", 1),
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("fifteen", 15),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
    ];
    WORDS
        .iter()
        .find(|(n, _)| w.eq_ignore_ascii_case(n))
        .map(|&(_, k)| k)
}

const DASHES: &[&str] = &["-", "–", "—"];
const APOSTROPHES: &[&str] = &["'", "’"];
const TIMES_OF_DAY: &[&str] = &["night", "morning", "afternoon", "evening"];
/// Words that let a bare month ("in December") be a date.
const BARE_CTX: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "during",
    "through",
    "throughout",
    "before",
    "after",
    "from",
    "between",
];
/// "May" is a modal and a surname, so it needs more than "by" or "after".
const MAY_CTX: &[&str] = &[
    "in",
    "on",
    "since",
    "until",
    "till",
    "during",
    "through",
    "throughout",
    "from",
    "between",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
];
/// Words that let a bare four-digit number be a year: those of a bare month.
const YEAR_CTX: &[&str] = BARE_CTX;
const SEASON_CTX: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "during",
    "through",
    "throughout",
    "before",
    "after",
    "over",
];
/// "Black Friday", "Bloody Sunday": named days, not this week's.
const HOLIDAYS: &[&str] = &[
    "black", "good", "bloody", "super", "holy", "ash", "easter", "palm", "maundy", "cyber",
    "shrove",
];
/// "Sunday Times" and the like.
const PAPERS: &[&str] = &[
    "times",
    "telegraph",
    "mirror",
    "express",
    "herald",
    "post",
    "mail",
    "star",
    "tribune",
    "observer",
    "independent",
    "world",
];
const FUTURE: &[&str] = &[
    "will",
    "shall",
    "ll",
    "would",
    "plans",
    "plan",
    "planned",
    "planning",
    "scheduled",
    "slated",
    "upcoming",
    "expected",
    "expects",
    "intends",
    "intend",
    "intended",
    "aims",
    "hopes",
    "next",
];
/// A word before "to" that makes it future ("is to", "set to", "due to").
const TO_AUX: &[&str] = &["is", "are", "am", "was", "were", "set", "due", "going"];
const PAST: &[&str] = &[
    "said", "told", "met", "held", "was", "were", "had", "did", "went", "came", "took", "made",
    "gave", "saw", "left", "began", "fought", "fled", "led", "sent", "spoke", "won", "lost",
    "struck", "shot", "became", "brought", "kept", "found", "wrote", "ago",
];
/// Words that start a subordinate clause, whose verb is not the expression's.
const CLAUSE_START: &[&str] = &[
    "that", "which", "who", "whom", "whose", "where", "when", "while", "because", "if", "but",
];
/// Before an "-ed" word these make it an adjective or a passive, not a past verb.
const NOT_PAST_BEFORE: &[&str] = &[
    "a", "an", "the", "its", "his", "her", "their", "our", "this", "that",
];

/// One match: token range and the resolved days.
#[derive(Clone, Copy)]
struct Hit {
    first: usize,
    last: usize,
    start: Date,
    end: Date,
    precision: Precision,
}

/// A date as written, before year resolution.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pt {
    Day(Option<i32>, u32, u32),
    Month(Option<i32>, u32),
    Year(i32),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Rel {
    Last,
    This,
    Next,
}

/// Which weekday relative to the story date.
#[derive(Clone, Copy)]
enum Dir {
    OnOrBefore,
    Before,
    OnOrAfter,
    After,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Year,
    Month,
    Week,
    Season,
}

/// A whole year, month, ISO week or season, before modifiers.
#[derive(Clone, Copy)]
struct Period {
    start: Date,
    end: Date,
    unit: Unit,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Whole,
    Early,
    Mid,
    Late,
    Earlier,
    Later,
    StartOf,
    EndOf,
}

struct Parser<'a> {
    t: Vec<Tok<'a>>,
    story: Date,
}

impl<'a> Parser<'a> {
    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.t.get(i)
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        self.tok(i).filter(|t| t.kind == Kind::Word).map(|t| t.s)
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|s| s.eq_ignore_ascii_case(w))
    }

    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.word(i)
            .is_some_and(|s| ws.iter().any(|w| s.eq_ignore_ascii_case(w)))
    }

    /// The value paired with the word at `i` (any case) in `table`.
    fn lookup<T: Copy>(&self, i: usize, table: &[(&str, T)]) -> Option<T> {
        let w = self.word(i)?;
        table
            .iter()
            .find(|(k, _)| w.eq_ignore_ascii_case(k))
            .map(|&(_, v)| v)
    }

    fn prev_is_any(&self, i: usize, ws: &[&str]) -> bool {
        i > 0 && self.is_any(i - 1, ws)
    }

    fn punct(&self, i: usize, set: &[&str]) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Punct && set.contains(&t.s))
    }

    /// Token `i` touches the one before it.
    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.gap)
    }

    fn first_char(&self, i: usize) -> Option<char> {
        self.word(i).and_then(|w| w.chars().next())
    }

    fn cap(&self, i: usize) -> bool {
        self.first_char(i).is_some_and(char::is_uppercase)
    }

    fn lower(&self, i: usize) -> bool {
        self.first_char(i).is_some_and(char::is_lowercase)
    }

    fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self
            .tok(i)
            .filter(|t| t.kind == Kind::Num && t.s.len() <= 9)?;
        Some((t.s.parse().ok()?, t.s.len()))
    }

    /// Number `i` is glued into something bigger: "F-16", "$1996", "1,996", "24/7".
    fn bad_prefix(&self, i: usize, dash_ok: bool) -> bool {
        if i == 0 || !self.glued(i) {
            return false;
        }
        let p = &self.t[i - 1];
        match p.kind {
            Kind::Word | Kind::Num => true,
            Kind::Punct => {
                !(matches!(p.s, "(" | "[" | "\"" | "“" | "‘" | "'")
                    || (dash_ok && DASHES.contains(&p.s)))
            }
        }
    }

    /// What follows token `i` glues it into something bigger: "1990s",
    /// "18:54", "24/7", "1,996", "2.5", "5%".
    fn bad_suffix(&self, i: usize) -> bool {
        let Some(n) = self.tok(i + 1).filter(|n| !n.gap) else {
            return false;
        };
        match n.kind {
            Kind::Word | Kind::Num => true,
            Kind::Punct => {
                n.s == "%"
                    || (matches!(n.s, ":" | "/" | "." | "," | "'" | "’")
                        && self.glued(i + 2)
                        && self.tok(i + 2).is_some_and(|t| t.kind != Kind::Punct))
            }
        }
    }

    /// A day of the month at `i`, with an optional ordinal suffix; returns
    /// the index after it.
    fn day(&self, i: usize, dash_ok: bool) -> Option<(u32, usize)> {
        let (d, len) = self.num(i)?;
        if len > 2 || !(1..=31).contains(&d) || self.bad_prefix(i, dash_ok) {
            return None;
        }
        let mut j = i + 1;
        if self.glued(j) && self.is_any(j, &["st", "nd", "rd", "th"]) {
            j += 1;
        }
        (!self.bad_suffix(j - 1)).then_some((d, j))
    }

    /// A year 1900–2100 standing alone at `i`.
    fn year_at(&self, i: usize, dash_ok: bool) -> Option<i32> {
        let (y, len) = self.num(i)?;
        // "2024's budget" is a year; "the 1990's" is a decade.
        let possessive = y % 10 != 0
            && self.punct(i + 1, APOSTROPHES)
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.is(i + 2, "s")
            && !self.glued(i + 3);
        let ok = len == 4
            && (1900..=2100).contains(&y)
            && !self.bad_prefix(i, dash_ok)
            && (possessive || !self.bad_suffix(i));
        ok.then_some(y as i32)
    }

    /// `[,] YYYY` after a day or month.
    fn trailing_year(&self, j: usize) -> Option<(i32, usize)> {
        let k = if self.punct(j, &[","]) { j + 1 } else { j };
        self.year_at(k, false).map(|y| (y, k + 1))
    }

    /// A capitalised month name at `i`; returns the index after it (and
    /// after the period of an abbreviation).
    fn month(&self, i: usize) -> Option<(u32, bool, usize)> {
        if !self.cap(i) {
            return None;
        }
        let (m, full) = month_num(self.word(i)?)?;
        let next = if !full && self.punct(i + 1, &["."]) && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        Some((m, full, next))
    }

    /// A date as written at `i`: "Feb. 5", "Feb 5th, 2025", "5 February",
    /// "the 5th of February", "February 2024", "December" or "2024".
    fn point(&self, i: usize, dash_ok: bool) -> Option<(Pt, usize)> {
        if let Some((m, full, j)) = self.month(i) {
            if let Some((d, k)) = self.day(j, false) {
                return Some(match self.trailing_year(k) {
                    Some((y, k)) => (Pt::Day(Some(y), m, d), k),
                    None => (Pt::Day(None, m, d), k),
                });
            }
            if let Some((y, k)) = self.trailing_year(j) {
                return Some((Pt::Month(Some(y), m), k));
            }
            return full.then_some((Pt::Month(None, m), j));
        }
        if let Some((d, j)) = self.day(i, dash_ok) {
            let j = if self.is(j, "of") { j + 1 } else { j };
            let (m, _, k) = self.month(j)?;
            return Some(match self.trailing_year(k) {
                Some((y, k)) => (Pt::Day(Some(y), m, d), k),
                None => (Pt::Day(None, m, d), k),
            });
        }
        self.year_at(i, dash_ok).map(|y| (Pt::Year(y), i + 1))
    }

    /// Whether a date standing alone at `i..j` is a date and not a modal,
    /// a name or a count.
    fn standalone_ok(&self, i: usize, p: Pt, j: usize) -> bool {
        self.standalone(i, p, j, 0)
    }

    fn standalone(&self, i: usize, p: Pt, j: usize, depth: u32) -> bool {
        match p {
            Pt::Day(..) => true,
            Pt::Month(Some(_), m) => {
                m != 5 || self.prev_is_any(i, MAY_CTX) || self.prev_is_any(i, BARE_CTX)
            }
            Pt::Month(None, 5) => self.prev_is_any(i, MAY_CTX) || self.listed(i, depth),
            Pt::Month(None, m) => {
                self.prev_is_any(i, BARE_CTX)
                    || self.listed(i, depth)
                    // "the December election", "December's attack"; not "the March on Rome".
                    || (m != 3
                        && ((self.prev_is_any(i, &["the"]) && self.lower(j))
                            || (self.punct(j, APOSTROPHES) && self.glued(j) && self.is(j + 1, "s"))))
            }
            // "1979: The Soviet Union sends troops": a chronology's entry
            // opens with its year and a colon.
            Pt::Year(_) => {
                self.prev_is_any(i, YEAR_CTX)
                    || self.listed(i, depth)
                    || (i == 0 && self.punct(j, &[":"]))
            }
        }
    }

    /// The second of a list of months or years: "in March and June", "in
    /// 2019, 2021 or 2023". (The first carries the context.)
    fn listed(&self, i: usize, depth: u32) -> bool {
        if i < 2 || !(self.is_any(i - 1, &["and", "or"]) || self.punct(i - 1, &[","])) {
            return false;
        }
        // The earlier item must be a date itself; a short chain is enough.
        let p = i - 2;
        match self.point(p, false) {
            Some((pt @ (Pt::Year(_) | Pt::Month(None, _)), j)) if j == p + 1 => {
                depth < 8 && self.standalone(p, pt, j, depth + 1)
            }
            _ => false,
        }
    }

    /// Index after a range connector at `j`.
    fn connector(&self, j: usize, between: bool, and_ok: bool) -> Option<usize> {
        let ok = if between {
            self.is(j, "and")
        } else {
            self.punct(j, DASHES)
                || self.is_any(j, &["to", "through", "thru", "until", "till"])
                || (and_ok && self.is(j, "and"))
        };
        ok.then_some(j + 1)
    }

    /// Explicit dates and ranges of them starting at `i`.
    fn explicit(&self, i: usize) -> Option<Hit> {
        let from = self.prev_is_any(i, &["from"]);
        let between = self.prev_is_any(i, &["between"]);
        let first = if from || between { i - 1 } else { i };
        // "5-7 February", "5 to 7 February 2025"
        if let Some((d1, j)) = self.day(i, false) {
            if let Some(c) = self.connector(j, between, true) {
                if let Some((d2, k)) = self.day(c, true) {
                    if let Some((m, _, k)) = self.month(k) {
                        let (y, k) = match self.trailing_year(k) {
                            Some((y, k)) => (Some(y), k),
                            None => (None, k),
                        };
                        let (start, end, precision) =
                            self.resolve(i, Pt::Day(y, m, d1), Pt::Day(y, m, d2))?;
                        return Some(Hit {
                            first,
                            last: k - 1,
                            start,
                            end,
                            precision,
                        });
                    }
                }
            }
        }
        let (p1, j) = self.point(i, false)?;
        let alone = self.standalone_ok(i, p1, j);
        if from || between || alone {
            if let Some(h) = self.range(first, i, p1, j, between) {
                return Some(h);
            }
        }
        if !alone {
            return None;
        }
        let (start, end, precision) = self.resolve(i, p1, p1)?;
        Some(Hit {
            first: i,
            last: j - 1,
            start,
            end,
            precision,
        })
    }

    /// `p1` (at `i..j`) followed by a connector and a second date.
    fn range(&self, first: usize, i: usize, p1: Pt, j: usize, between: bool) -> Option<Hit> {
        // "and" joins only full dates ("on Feb. 28 and March 1"); between
        // bare days, months or years it reads like a list ("Feb. 5 and 7
        // people", "in March and June").
        let full = self.connector(j, between, matches!(p1, Pt::Day(..)))?;
        let second = self
            .point(full, true)
            .filter(|(p2, _)| same_kind(p1, *p2))
            .or_else(|| {
                let Pt::Day(_, m, _) = p1 else { return None };
                self.connector(j, between, false)?;
                let (d, k) = self.day(full, true)?;
                Some(match self.trailing_year(k) {
                    Some((y, k)) => (Pt::Day(Some(y), m, d), k),
                    None => (Pt::Day(None, m, d), k),
                })
            });
        let (p2, k) = second?;
        let (start, end, precision) = self.resolve(i, p1, p2)?;
        Some(Hit {
            first,
            last: k - 1,
            start,
            end,
            precision,
        })
    }

    /// Days of `a` through `b` (the same kind of date), choosing missing
    /// years by tense.
    fn resolve(&self, i: usize, a: Pt, b: Pt) -> Option<(Date, Date, Precision)> {
        let (s, e, precision) = match (a, b) {
            (Pt::Year(y1), Pt::Year(y2)) => (
                Date::from_ymd(y1, 1, 1)?,
                Date::from_ymd(y2, 12, 31)?,
                Precision::Year,
            ),
            (Pt::Month(y1, m1), Pt::Month(y2, m2)) => {
                let build = |ya: i32, yb: i32| {
                    let s = Date::from_ymd(ya, m1, 1)?;
                    Some((s, Date::from_ymd(yb, m2, 1)?.last_day_of_month()))
                };
                let (s, e) = self.years(i, y1, y2, m2 < m1, 0, build)?;
                (s, e, Precision::Month)
            }
            (Pt::Day(y1, m1, d1), Pt::Day(y2, m2, d2)) => {
                let build = |ya: i32, yb: i32| {
                    Some((Date::from_ymd(ya, m1, d1)?, Date::from_ymd(yb, m2, d2)?))
                };
                let (s, e) = self.years(i, y1, y2, (m2, d2) < (m1, d1), 14, build)?;
                (s, e, Precision::Day)
            }
            _ => return None,
        };
        (s <= e).then_some((s, e, precision))
    }

    /// Fills in missing years: from the other end of a range, else the
    /// candidate nearest the story date in the sentence's tense.
    fn years(
        &self,
        i: usize,
        y1: Option<i32>,
        y2: Option<i32>,
        wrap: bool,
        grace: i32,
        build: impl Fn(i32, i32) -> Option<(Date, Date)>,
    ) -> Option<(Date, Date)> {
        let w = i32::from(wrap);
        match (y1, y2) {
            (Some(a), Some(b)) => build(a, b),
            (Some(a), None) => build(a, a + w),
            (None, Some(b)) => build(b - w, b),
            (None, None) => {
                let sy = self.story.year();
                let cands = (sy - 1..=sy + 1).filter_map(|y| build(y, y + w));
                pick(self.story, self.future(i), grace, cands)
            }
        }
    }

    /// Whether the expression at `i` is about the future; see the module docs.
    fn future(&self, i: usize) -> bool {
        // Back to the nearest cue, then (for "In May, the council will
        // decide") forward to the end of the main clause.
        let back = (0..i.min(self.t.len())).rev();
        if let Some(f) = self.first_cue(back) {
            return f;
        }
        self.first_cue(i + 1..self.t.len()).unwrap_or(false)
    }

    /// The first tense cue among at most twelve words at `idx`: `Some(true)`
    /// for the future, `Some(false)` for the past. Stops at a semicolon and
    /// at words that start a subordinate clause.
    fn first_cue(&self, idx: impl Iterator<Item = usize>) -> Option<bool> {
        let mut words = 0;
        // Bounded in tokens too, so runs of punctuation stay cheap.
        for j in idx.take(40) {
            let t = &self.t[j];
            match t.kind {
                Kind::Punct if t.s == ";" => return None,
                Kind::Word => {}
                _ => continue,
            }
            words += 1;
            if words > 12 || self.is_any(j, CLAUSE_START) {
                return None;
            }
            let w = t.s;
            // Lower case only, so the month May is no cue.
            if FUTURE.iter().any(|f| w.eq_ignore_ascii_case(f)) || matches!(w, "may" | "might") {
                return Some(true);
            }
            if w.eq_ignore_ascii_case("to") && self.prev_is_any(j, TO_AUX) {
                return Some(true);
            }
            // "will be held": a passive after "be" says nothing of tense.
            if self.prev_is_any(j, &["be", "been", "being"]) {
                continue;
            }
            if PAST.iter().any(|p| w.eq_ignore_ascii_case(p)) {
                return Some(false);
            }
            let participle =
                w.len() > 4 && w.ends_with("ed") && w.starts_with(|c: char| c.is_ascii_lowercase());
            if participle && !self.prev_is_any(j, NOT_PAST_BEFORE) {
                return Some(false);
            }
        }
        None
    }

    /// The expression starting at token `i`, if any.
    fn at(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Punct => None,
            Kind::Num => self
                .iso(i)
                .or_else(|| self.ago(i))
                .or_else(|| self.explicit(i)),
            Kind::Word => self
                .ago(i)
                .or_else(|| self.relative(i))
                .or_else(|| self.modified(i))
                .or_else(|| self.end_of(i))
                .or_else(|| self.deictic(i))
                .or_else(|| self.weekday(i))
                .or_else(|| self.explicit(i))
                .or_else(|| self.season(i))
                .or_else(|| self.weekend(i)),
        }
    }

    /// `2024-12-08` or `2024/12/08`.
    fn iso(&self, i: usize) -> Option<Hit> {
        let (y, 4) = self.num(i)? else { return None };
        let sep = self
            .tok(i + 1)
            .filter(|t| !t.gap && matches!(t.s, "-" | "/"))?
            .s;
        let (m, ml) = self.num(i + 2).filter(|_| self.glued(i + 2))?;
        let (d, dl) = self
            .num(i + 4)
            .filter(|_| self.glued(i + 3) && self.glued(i + 4) && self.punct(i + 3, &[sep]))?;
        if ml > 2 || dl > 2 || !(1900..=2100).contains(&y) || self.bad_prefix(i, false) {
            return None;
        }
        let d = Date::from_ymd(y as i32, m, d)?;
        Some(day_hit(i, i + 4, d))
    }

    /// "three days ago", "two weeks ago", "a year ago".
    fn ago(&self, i: usize) -> Option<Hit> {
        if !self.is(i + 2, "ago") {
            return None;
        }
        let n = match self.num(i) {
            Some((n, len)) if len <= 5 && !self.bad_prefix(i, false) && !self.glued(i + 1) => n,
            Some(_) => return None,
            None => small_number(self.word(i)?)?,
        };
        let n = i32::try_from(n).ok()?;
        let unit = self.word(i + 1)?.to_ascii_lowercase();
        let s = self.story;
        let (start, end, precision) = match unit.trim_end_matches('s') {
            "day" => {
                let d = s.add_days(-n);
                (d, d, Precision::Day)
            }
            "week" if n <= 10_000 => {
                let (a, b) = week_of(s.add_days(-7 * n));
                (a, b, Precision::Day)
            }
            "month" if n <= 12_000 => {
                let a = s.add_months(-n);
                (a, a.last_day_of_month(), Precision::Month)
            }
            "year" if n <= 1_000 => {
                let (a, b) = year_range(s.year() - n)?;
                (a, b, Precision::Year)
            }
            _ => return None,
        };
        Some(Hit {
            first: i,
            last: i + 2,
            start,
            end,
            precision,
        })
    }

    /// "today", "yesterday morning", "tomorrow", "tonight".
    fn deictic(&self, i: usize) -> Option<Hit> {
        let off = self.lookup(
            i,
            &[
                ("today", 0),
                ("tonight", 0),
                ("yesterday", -1),
                ("tomorrow", 1),
            ],
        )?;
        Some(day_hit(i, self.time_of_day(i), self.story.add_days(off)))
    }

    /// Index of a time-of-day word right after `i` ("Monday night"), else `i`.
    fn time_of_day(&self, i: usize) -> usize {
        if self.lower(i + 1) && self.is_any(i + 1, TIMES_OF_DAY) {
            i + 1
        } else {
            i
        }
    }

    /// A weekday name, or a weekday before an explicit date ("Tuesday, Feb. 11").
    fn weekday(&self, i: usize) -> Option<Hit> {
        if !self.cap(i) {
            return None;
        }
        let (wd, full) = weekday_num(self.word(i)?)?;
        let mut j = i + 1;
        if !full {
            // "Tue." only before a date, and never "the Sun".
            if !(self.punct(j, &["."]) && self.glued(j)) || self.prev_is_any(i, &["the"]) {
                return None;
            }
            j += 1;
        }
        let paren = self.punct(j, &["("]);
        if paren || self.punct(j, &[","]) {
            j += 1;
        }
        if let Some(h) = self
            .explicit(j)
            .filter(|h| h.precision == Precision::Day && h.first == j)
        {
            let last = if paren && self.punct(h.last + 1, &[")"]) {
                h.last + 1
            } else {
                h.last
            };
            return Some(Hit {
                first: i,
                last,
                ..h
            });
        }
        if !full || self.prev_is_any(i, HOLIDAYS) || (self.cap(i + 1) && self.is_any(i + 1, PAPERS))
        {
            return None;
        }
        let dir = if self.future(i) {
            Dir::After
        } else {
            Dir::OnOrBefore
        };
        Some(day_hit(
            i,
            self.time_of_day(i),
            weekday_date(self.story, wd, dir),
        ))
    }

    /// "last Friday", "next week", "this year", "last June", "last summer",
    /// "last night", "this morning", "this past weekend".
    fn relative(&self, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        let mut rel = self.lookup(
            i,
            &[
                ("last", Rel::Last),
                ("next", Rel::Next),
                ("this", Rel::This),
            ],
        )?;
        // "the last month of the war", "its next year": not the story's.
        if self.prev_is_any(
            i,
            &[
                "the", "a", "its", "his", "her", "their", "our", "every", "each",
            ],
        ) {
            return None;
        }
        if rel == Rel::This && self.is(j, "past") {
            j += 1;
            rel = Rel::Last;
        }
        let s = self.story;
        if rel == Rel::Last && self.is(j, "night") {
            return Some(day_hit(i, j, s.add_days(-1)));
        }
        if rel == Rel::This && self.is_any(j, TIMES_OF_DAY) {
            return Some(day_hit(i, j, s));
        }
        if self.cap(j) {
            if let Some((wd, true)) = self.word(j).and_then(weekday_num) {
                let dir = match rel {
                    Rel::Last => Dir::Before,
                    Rel::Next => Dir::After,
                    Rel::This if self.future(i) => Dir::OnOrAfter,
                    Rel::This => Dir::OnOrBefore,
                };
                return Some(day_hit(i, self.time_of_day(j), weekday_date(s, wd, dir)));
            }
        }
        if self.is(j, "weekend") {
            let weeks = match rel {
                Rel::Last => -1,
                Rel::This => 0,
                Rel::Next => 1,
            };
            let (mon, _) = week_of(s.add_days(7 * weeks));
            return Some(Hit {
                first: i,
                last: j,
                start: mon.add_days(5),
                end: mon.add_days(6),
                precision: Precision::Day,
            });
        }
        let (p, k) = self.rel_period(rel, j)?;
        Some(part_hit(i, k - 1, p, Part::Whole, s))
    }

    /// The year, month, week, named month or season after last/this/next.
    fn rel_period(&self, rel: Rel, j: usize) -> Option<(Period, usize)> {
        let s = self.story;
        let sy = s.year();
        let delta = match rel {
            Rel::Last => -1,
            Rel::This => 0,
            Rel::Next => 1,
        };
        if self.is(j, "year") {
            let (start, end) = year_range(sy + delta)?;
            return Some((
                Period {
                    start,
                    end,
                    unit: Unit::Year,
                },
                j + 1,
            ));
        }
        if self.is(j, "month") {
            let start = s.add_months(delta);
            let end = start.last_day_of_month();
            return Some((
                Period {
                    start,
                    end,
                    unit: Unit::Month,
                },
                j + 1,
            ));
        }
        if self.is(j, "week") {
            let (start, end) = week_of(s.add_days(7 * delta));
            return Some((
                Period {
                    start,
                    end,
                    unit: Unit::Week,
                },
                j + 1,
            ));
        }
        let (cands, unit): (Vec<(Date, Date)>, Unit) = if let Some((m, true, _)) = self.month(j) {
            let c = (sy - 1..=sy + 1)
                .filter_map(|y| month_range(y, m))
                .collect();
            (c, Unit::Month)
        } else if let Some(sm) = self.word(j).and_then(season_num) {
            let c = (sy - 2..=sy + 1)
                .filter_map(|y| season_range(sm, y))
                .collect();
            (c, Unit::Season)
        } else {
            return None;
        };
        // "last June" is before this month; "last summer" has ended.
        let (before, after) = match unit {
            Unit::Month => (s.add_months(0), s.last_day_of_month()),
            _ => (s, s),
        };
        let found = match rel {
            Rel::Last => cands
                .iter()
                .filter(|(_, e)| *e < before)
                .max_by_key(|(a, _)| *a),
            Rel::Next => cands
                .iter()
                .filter(|(a, _)| *a > after)
                .min_by_key(|(a, _)| *a),
            Rel::This => cands
                .iter()
                .find(|(a, e)| *a <= s && s <= *e)
                .or_else(|| cands.iter().find(|(a, _)| a.year() == sy)),
        };
        let &(start, end) = found?;
        Some((Period { start, end, unit }, j + 1))
    }

    /// A period after a modifier or "end of": a relative period, a year,
    /// a month (with or without year) or a season. `the_ok` admits "the
    /// year", "the month", "the week" and "the summer".
    fn period(&self, j: usize, expr: usize, the_ok: bool) -> Option<(Period, usize)> {
        if self.is(j, "this") && self.is(j + 1, "past") {
            return self.rel_period(Rel::Last, j + 2);
        }
        for (w, rel) in [
            ("last", Rel::Last),
            ("this", Rel::This),
            ("next", Rel::Next),
        ] {
            if self.is(j, w) {
                return self.rel_period(rel, j + 1);
            }
        }
        if the_ok && self.is(j, "the") {
            if self.is_any(j + 1, &["year", "month", "week"]) {
                return self.rel_period(Rel::This, j + 1);
            }
            if let Some(sm) = self.word(j + 1).and_then(season_num) {
                return self.season_period(sm, j + 1, expr);
            }
            return None;
        }
        if let Some(y) = self.year_at(j, true) {
            let (start, end) = year_range(y)?;
            return Some((
                Period {
                    start,
                    end,
                    unit: Unit::Year,
                },
                j + 1,
            ));
        }
        if let Some((p, k)) = self.point(j, true) {
            if let Pt::Month(..) = p {
                let (start, end, _) = self.resolve(expr, p, p)?;
                return Some((
                    Period {
                        start,
                        end,
                        unit: Unit::Month,
                    },
                    k,
                ));
            }
            return None;
        }
        let sm = self.word(j).and_then(season_num)?;
        self.season_period(sm, j, expr)
    }

    /// A season at `j`, with an optional "[of] YYYY", else resolved by tense.
    fn season_period(&self, sm: u32, j: usize, expr: usize) -> Option<(Period, usize)> {
        let k = if self.is(j + 1, "of") { j + 2 } else { j + 1 };
        if let Some(y) = self.year_at(k, false) {
            let (start, end) = season_range(sm, y)?;
            return Some((
                Period {
                    start,
                    end,
                    unit: Unit::Season,
                },
                k + 1,
            ));
        }
        if self.is(j + 1, "of") {
            return None; // "the fall of Assad"
        }
        let sy = self.story.year();
        let cands = (sy - 2..=sy + 1).filter_map(|y| season_range(sm, y));
        let (start, end) = pick(self.story, self.future(expr), 0, cands)?;
        Some((
            Period {
                start,
                end,
                unit: Unit::Season,
            },
            j + 1,
        ))
    }

    /// "early 2024", "mid-December", "late last year", "earlier this week",
    /// "late Tuesday".
    fn modified(&self, i: usize) -> Option<Hit> {
        let part = self.lookup(
            i,
            &[
                ("early", Part::Early),
                ("mid", Part::Mid),
                ("late", Part::Late),
                ("earlier", Part::Earlier),
                ("later", Part::Later),
            ],
        )?;
        let mut j = i + 1;
        if self.punct(j, DASHES) && self.glued(j) {
            j += 1;
        }
        if matches!(part, Part::Earlier | Part::Later) && !self.is(j, "this") {
            return None;
        }
        if matches!(part, Part::Early | Part::Late) && self.cap(j) {
            if let Some((wd, true)) = self.word(j).and_then(weekday_num) {
                let dir = if self.future(i) {
                    Dir::After
                } else {
                    Dir::OnOrBefore
                };
                return Some(day_hit(
                    i,
                    self.time_of_day(j),
                    weekday_date(self.story, wd, dir),
                ));
            }
        }
        let (p, k) = self.period(j, i, false)?;
        Some(part_hit(i, k - 1, p, part, self.story))
    }

    /// "[the] end of 2024", "the beginning of next month", "end of last year".
    fn end_of(&self, i: usize) -> Option<Hit> {
        let (i0, i) = if self.is(i, "the") {
            (i, i + 1)
        } else {
            (i, i)
        };
        let part = self.lookup(
            i,
            &[
                ("end", Part::EndOf),
                ("beginning", Part::StartOf),
                ("start", Part::StartOf),
                ("middle", Part::Mid),
            ],
        )?;
        if !self.is(i + 1, "of") {
            return None;
        }
        let (p, k) = self.period(i + 2, i0, true)?;
        Some(part_hit(i0, k - 1, p, part, self.story))
    }

    /// A season standing alone: "in the spring", "summer 2024", "during
    /// the winter of 2023".
    fn season(&self, i: usize) -> Option<Hit> {
        let sm = self.word(i).and_then(season_num)?;
        // "Arab Spring", "Prague Spring": a name, not a season.
        if self.cap(i) && i > 0 && self.cap(i - 1) {
            return None;
        }
        let k = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
        let with_year = self.year_at(k, false).is_some();
        let ctx = self.prev_is_any(i, SEASON_CTX)
            || (self.prev_is_any(i, &["the"]) && i >= 2 && self.is_any(i - 2, SEASON_CTX));
        if !with_year && !ctx {
            return None;
        }
        let (p, k) = self.season_period(sm, i, i)?;
        Some(part_hit(i, k - 1, p, Part::Whole, self.story))
    }

    /// "over the weekend", "at the weekend".
    fn weekend(&self, i: usize) -> Option<Hit> {
        if !self.is(i, "the")
            || !self.is(i + 1, "weekend")
            || !self.prev_is_any(i, &["over", "at", "during", "on"])
        {
            return None;
        }
        let s = self.story;
        // In the past, the latest weekend that has begun.
        let weeks = if self.future(i) || s.weekday() >= 5 {
            0
        } else {
            -1
        };
        let (mon, _) = week_of(s.add_days(7 * weeks));
        Some(Hit {
            first: i,
            last: i + 1,
            start: mon.add_days(5),
            end: mon.add_days(6),
            precision: Precision::Day,
        })
    }
}

fn same_kind(a: Pt, b: Pt) -> bool {
    std::mem::discriminant(&a) == std::mem::discriminant(&b)
}

fn day_hit(first: usize, last: usize, d: Date) -> Hit {
    Hit {
        first,
        last,
        start: d,
        end: d,
        precision: Precision::Day,
    }
}

/// A part of a period as a hit; see the module docs for the parts.
fn part_hit(first: usize, last: usize, p: Period, part: Part, story: Date) -> Hit {
    let (a, e) = (p.start, p.end);
    // The first, middle and last thirds of the period.
    let thirds = |k: i32| -> (Date, Date) {
        match p.unit {
            Unit::Year => (a.add_months(4 * k), a.add_months(4 * k + 4).add_days(-1)),
            Unit::Season => (a.add_months(k), a.add_months(k + 1).add_days(-1)),
            Unit::Month => {
                let s = a.add_days(10 * k);
                (s, if k == 2 { e } else { s.add_days(9) })
            }
            Unit::Week => match k {
                0 => (a, a.add_days(2)),
                1 => (a.add_days(1), a.add_days(3)),
                _ => (a.add_days(3), e),
            },
        }
    };
    let base = match p.unit {
        Unit::Year => Precision::Year,
        Unit::Month | Unit::Season => Precision::Month,
        Unit::Week => Precision::Day,
    };
    let (start, end, precision) = match part {
        Part::Whole => (a, e, base),
        Part::Early => (thirds(0).0, thirds(0).1, base),
        Part::Mid => (thirds(1).0, thirds(1).1, base),
        Part::Late => (thirds(2).0, thirds(2).1, base),
        // Never empty: clipped to the period's first or last day.
        Part::Earlier => (a, story.add_days(-1).clamp(a, e), base),
        Part::Later => (story.add_days(1).clamp(a, e), e, base),
        Part::StartOf if p.unit == Unit::Year => (a, a.last_day_of_month(), Precision::Month),
        Part::EndOf if p.unit == Unit::Year => (a.add_months(11), e, Precision::Month),
        Part::StartOf => (thirds(0).0, thirds(0).1, base),
        Part::EndOf => (thirds(2).0, thirds(2).1, base),
    };
    Hit {
        first,
        last,
        start,
        end,
        precision,
    }
}

/// In the past, the latest candidate starting no more than `grace` days
/// after the story; in the future, the earliest not over before it.
fn pick(
    story: Date,
    future: bool,
    grace: i32,
    cands: impl Iterator<Item = (Date, Date)>,
) -> Option<(Date, Date)> {
    if future {
        cands.filter(|&(_, e)| e >= story).min_by_key(|&(s, _)| s)
    } else {
        cands
            .filter(|&(s, _)| s.days_since(story) <= grace)
            .max_by_key(|&(s, _)| s)
    }
}

fn weekday_date(story: Date, wd: u32, dir: Dir) -> Date {
    let sw = story.weekday();
    let back = ((sw + 7 - wd) % 7) as i32;
    let fwd = ((wd + 7 - sw) % 7) as i32;
    match dir {
        Dir::OnOrBefore => story.add_days(-back),
        Dir::Before => story.add_days(if back == 0 { -7 } else { -back }),
        Dir::OnOrAfter => story.add_days(fwd),
        Dir::After => story.add_days(if fwd == 0 { 7 } else { fwd }),
    }
}

/// Monday and Sunday of the ISO week holding `d`.
fn week_of(d: Date) -> (Date, Date) {
    let mon = d.add_days(-(d.weekday() as i32));
    (mon, mon.add_days(6))
}

fn year_range(y: i32) -> Option<(Date, Date)> {
    Some((Date::from_ymd(y, 1, 1)?, Date::from_ymd(y, 12, 31)?))
}

fn month_range(y: i32, m: u32) -> Option<(Date, Date)> {
    let s = Date::from_ymd(y, m, 1)?;
    Some((s, s.last_day_of_month()))
}

/// Season starting in month `sm` of year `y` (winter runs into `y + 1`).
fn season_range(sm: u32, y: i32) -> Option<(Date, Date)> {
    let s = Date::from_ymd(y, sm, 1)?;
    Some((s, s.add_months(3).add_days(-1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefilter_skips_dateless_sentences() {
        assert!(!may_contain_date("The minister met the envoy in Seoul."));
        assert!(may_contain_date("They met on Tuesday."));
        assert!(may_contain_date("Resolution 2254"));
        assert!(!may_contain_date(""));
    }

    #[test]
    fn overlong_sentences_are_read_in_pieces() {
        let story = Date::from_ymd(2025, 2, 11).unwrap();
        let mut s = "é ".repeat(3 * PIECE / 3);
        s.push_str("in December ");
        s.push_str(&"x".repeat(3 * PIECE));
        s.push_str(" on Tuesday");
        let found = find_dates(&s, story);
        let chars: Vec<char> = s.chars().collect();
        let texts: Vec<&str> = found.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["December", "Tuesday"]);
        for w in &found {
            let t: String = chars[w.span[0]..w.span[1]].iter().collect();
            assert_eq!(t, w.text);
        }
    }

    #[test]
    fn lexer_keeps_char_offsets() {
        let t = lex("Syria’s Feb. 5");
        let parts: Vec<_> = t.iter().map(|t| (t.s, t.start, t.end)).collect();
        assert_eq!(
            parts,
            [
                ("Syria", 0, 5),
                ("’", 5, 6),
                ("s", 6, 7),
                ("Feb", 8, 11),
                (".", 11, 12),
                ("5", 13, 14)
            ]
        );
    }
}
