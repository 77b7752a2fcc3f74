//! Event dates: which date expression of a sentence governs an event, and
//! which undated events take the date of the narrative around them.
//!
//! [`statecraft_text::find_dates`] finds and resolves the expressions;
//! this module only attaches them to events:
//! - an event takes the nearest expression after its verb, else the
//!   nearest before it, never across a clause break (", and", ", but",
//!   ";", ", while");
//! - an event without one, in a sentence that opens "During the visit"
//!   (talks, meeting, trip, …), takes the story's latest dated event;
//! - an event without one whose clause is in the past tense takes the date
//!   of a dated event in the previous two sentences, which continues a
//!   narrative ("Kim visited Damascus from Feb. 5 to 7. … Al-Shaibani
//!   expressed interest …");
//! - anything else keeps the story date, at precision `story`.

use statecraft_text::{Date, DateExpr, Precision, Token};

/// An event's resolved date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EventDate {
    pub start: Date,
    pub end: Date,
    /// `Story` when nothing in the text dates it.
    pub precision: Precision,
    /// The words it came from.
    pub text: Option<String>,
}

impl EventDate {
    pub fn story(date: Date) -> EventDate {
        EventDate {
            start: date,
            end: date,
            precision: Precision::Story,
            text: None,
        }
    }

    pub fn from_when(w: &DateExpr) -> EventDate {
        EventDate {
            start: w.start,
            end: w.end,
            precision: w.precision,
            text: Some(w.text.clone()),
        }
    }

    pub fn is_story(&self) -> bool {
        self.precision == Precision::Story
    }
}

/// The expression that governs the verb at char span `verb`.
pub(crate) fn governing<'a>(
    chars: &[char],
    whens: &'a [DateExpr],
    verb: [usize; 2],
) -> Option<&'a DateExpr> {
    let reachable = |a: usize, b: usize| !clause_break(chars, a.min(b), a.max(b));
    // An expression in a relative clause before the verb ("Iwaya, who took
    // office in October, is ...") dates only that clause. One after it
    // (", which led to ties in February 2024") dates what the verb names.
    let subject_clause = |w: &DateExpr| {
        relative(chars, w.span[0]) && chars[w.span[1].min(verb[0])..verb[0]].contains(&',')
    };
    let after = whens
        .iter()
        .filter(|w| w.span[0] >= verb[1] && reachable(verb[1], w.span[0]))
        .min_by_key(|w| w.span[0]);
    let before = || {
        whens
            .iter()
            .filter(|w| w.span[1] <= verb[0] && reachable(w.span[1], verb[0]) && !subject_clause(w))
            .max_by_key(|w| w.span[1])
    };
    after.or_else(before)
}

/// Whether the comma segment holding char `at` opens with a relative
/// pronoun (", who took office in October,").
fn relative(chars: &[char], at: usize) -> bool {
    let at = at.min(chars.len());
    let Some(comma) = chars[..at].iter().rposition(|&c| c == ',') else {
        return false;
    };
    let segment: String = chars[comma + 1..at]
        .iter()
        .collect::<String>()
        .to_lowercase();
    let first = segment.split_whitespace().next().unwrap_or("");
    matches!(first, "who" | "which" | "whose" | "whom" | "where")
}

/// Whether `chars[a..b]` holds a clause break.
fn clause_break(chars: &[char], a: usize, b: usize) -> bool {
    let s: String = chars[a.min(chars.len())..b.min(chars.len())]
        .iter()
        .collect::<String>()
        .to_lowercase();
    s.contains(';')
        || [", and ", ", but ", ", while ", ", whereas "]
            .iter()
            .any(|b| s.contains(b))
}

/// Whether the sentence opens with "During the visit" or the like, which
/// places it inside an event already told.
pub(crate) fn during(toks: &[Token]) -> bool {
    const EPISODES: &[&str] = &[
        "VISIT",
        "VISITS",
        "TALKS",
        "MEETING",
        "MEETINGS",
        "TRIP",
        "TOUR",
        "SUMMIT",
        "CONFERENCE",
        "TALK",
        "SESSION",
        "CALL",
        "STAY",
        "NEGOTIATIONS",
        "DISCUSSIONS",
    ];
    let words: Vec<&str> = toks.iter().take(5).map(|t| t.text.as_str()).collect();
    words.first() == Some(&"DURING") && words.iter().skip(1).take(3).any(|w| EPISODES.contains(w))
}

/// Tense of the clause leading to the token at `verb`: the finite verb
/// nearest before it (or the verb itself) decides.
pub(crate) fn past_tense(toks: &[Token], verb: usize) -> bool {
    const PAST: &[&str] = &[
        "MET", "SAID", "HELD", "MADE", "TOOK", "GAVE", "SAW", "BEGAN", "SPOKE", "TOLD", "LED",
        "SOUGHT", "BROKE", "WENT", "CAME", "SENT", "SIGNED", "WAS", "WERE", "FLEW", "LEFT", "HAD",
        "WROTE", "CUT", "SET", "PUT", "KEPT", "SHOWED", "FOUGHT", "BROUGHT", "THOUGHT", "WON",
        "LOST", "RAN", "STOOD", "CHOSE", "DREW", "THREW", "FELL", "FORGED",
    ];
    const PRESENT: &[&str] = &[
        "IS", "ARE", "AM", "WILL", "SHALL", "HAS", "HAVE", "PLANS", "PLAN", "SAYS", "SEEKS",
        "WANTS", "HOPES", "AIMS", "INTENDS", "EXPECTS", "REMAINS", "CAN", "MAY", "MUST",
    ];
    let verb = verb.min(toks.len().saturating_sub(1));
    for t in toks[..=verb].iter().rev() {
        if t.text == "," {
            break;
        }
        let w = t.text.as_str();
        if PRESENT.contains(&w) {
            return false;
        }
        if PAST.contains(&w) || (!t.capitalized && w.len() > 3 && w.ends_with("ED")) {
            return true;
        }
    }
    false
}
