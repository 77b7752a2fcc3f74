//! How coded events change the model. The rules, in full (ARCHITECTURE.md
//! repeats them):
//!
//! 1. Only events that happened count. Intentions ("plans to establish
//!    ties"), hypotheticals, negations and questions change nothing.
//! 2. Source and target must be two different states (the store checks
//!    this with the state table).
//! 3. The event's own words must say what changed, and its CAMEO code must
//!    point the same way. The event's own words are its predicate: from
//!    its verb up to its target ("*established diplomatic relations with*
//!    Cuba"), or to the end of its clause when the target comes first
//!    ("Cuba and Seoul *established diplomatic ties*"), plus a result
//!    clause right after it (", which led to the establishment of ties"),
//!    and the words of the verb pattern that matched. Words elsewhere in
//!    the sentence — a relative clause about the target ("Bhutan, with
//!    which it has never established relations"), another dyad's news
//!    ("Bhutan's decision to establish ties with India") — do not count.
//!    - *established*: "establish…", "establishment of" or "normaliz…" with
//!      "ties" or "relations", and a cooperative code (roots 04–06);
//!    - *restored*: "restor…", "resum…", "re-establish…" or "renew…" with
//!      "ties" or "relations", and a cooperative code;
//!    - *severed*: "sever…", "break/broke off", "cut (off) … ties" or
//!      "rupture" with "ties" or "relations", and root 16 (reduce relations);
//!    - *suspended*: "suspend…" with "ties" or "relations", and root 16;
//!    - *embassy opened* (by the source, in the target): "open…" with
//!      "embassy", and a cooperative code;
//!    - *embassy closed*: "clos…" or "shut…" with "embassy", and root 16.
//! 4. A negation just before the verb ("never", "not", "no longer") stops
//!    the rule even when the coder did not mark the event negated.
//! 5. The change takes effect on the event's date (its first day when only
//!    the month is known), as a "since" fact whose provenance is the event.
//!
//! ```
//! use statecraft_types::{Date, EventRecord, Spans};
//! use statecraft_world::{rules, Status};
//! let text = "South Korea established diplomatic ties with Cuba in February 2024.";
//! let verb = [12, 23]; // "established"
//! let mut e = EventRecord::bare("s", Date::from_ymd(2025, 2, 11).unwrap(), text, "057");
//! e.spans = Spans { source: Some([0, 11]), target: Some([45, 49]), verb: Some(verb) };
//! assert_eq!(rules::effect(&e), Some(rules::Effect::Tie(Status::Established)));
//! // An intention changes nothing.
//! e.modality = Some(statecraft_types::Modality::Intended);
//! assert_eq!(rules::effect(&e), None);
//! ```

use crate::Status;
use statecraft_types::EventRecord;

/// What an event does to the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// The dyad's status becomes this.
    Tie(Status),
    /// The source opened (true) or closed (false) its embassy in the target.
    Embassy(bool),
}

/// The effect of a coded event on the model, if any.
pub fn effect(e: &EventRecord) -> Option<Effect> {
    if e.modality.is_some() || question(&e.text) {
        return None;
    }
    let root = e.cameo.get(..2)?;
    let cooperative = matches!(root, "04" | "05" | "06");
    let reducing = root == "16";
    if !(cooperative || reducing) {
        return None;
    }
    let chars: Vec<char> = e.text.chars().collect();
    let verb = e.spans.verb?;
    if negated_before(&chars, verb[0], true) {
        return None;
    }
    let ranges = predicate(&chars, verb, e.spans.target);
    let words = Words {
        chars: &chars,
        ranges,
        pattern: e
            .pattern
            .as_deref()
            .map(|p| p.replace('_', " ").to_lowercase())
            .unwrap_or_default(),
    };
    decide(&words, cooperative, reducing)
}

/// An event's own words: ranges of its sentence, and its verb pattern.
struct Words<'a> {
    chars: &'a [char],
    ranges: Vec<(usize, usize)>,
    /// The pattern, lower case, underscores as spaces.
    pattern: String,
}

impl Words<'_> {
    /// Each range, lower case, with its start.
    fn texts(&self) -> impl Iterator<Item = (usize, String)> + '_ {
        self.ranges.iter().map(|&(a, b)| {
            let t: String = self.chars[a..b].iter().collect();
            (a, t.to_lowercase())
        })
    }

    /// Whether any of `words` appears in the event's words.
    fn has(&self, words: &[&str]) -> bool {
        self.texts()
            .any(|(_, t)| words.iter().any(|w| t.contains(w)))
            || words.iter().any(|w| self.pattern.contains(w))
    }

    /// Whether one of the action words `words` is asserted: it appears in
    /// the sentence's part of the event not after a negation, a modal or
    /// an infinitive's "to" ("plans to establish"), or only in the pattern
    /// (whose verb was checked the same way).
    fn asserts(&self, words: &[&str]) -> bool {
        let mut seen_in_text = false;
        for (start, t) in self.texts() {
            for w in words {
                for (byte, _) in t.match_indices(w) {
                    seen_in_text = true;
                    let at = start + t[..byte].chars().count();
                    let noun = t[byte..]
                        .split(|c: char| !c.is_alphanumeric() && c != '-')
                        .next()
                        .is_some_and(|word| {
                            ["ment", "tion", "sion", "ure"]
                                .iter()
                                .any(|x| word.ends_with(x))
                        });
                    if !negated_before(self.chars, at, !noun) {
                        return true;
                    }
                }
            }
        }
        !seen_in_text && words.iter().any(|w| self.pattern.contains(w))
    }
}

/// The status words of an event's own words, and what they mean for a
/// cooperative or reducing code.
fn decide(w: &Words<'_>, cooperative: bool, reducing: bool) -> Option<Effect> {
    if w.has(&["embassy", "embassies"]) {
        if cooperative && w.asserts(&["open"]) {
            return Some(Effect::Embassy(true));
        }
        if reducing && w.asserts(&["clos", "shut"]) {
            return Some(Effect::Embassy(false));
        }
    }
    if !w.has(&["ties", "relations"]) {
        return None;
    }
    if cooperative {
        if w.asserts(&["restor", "resum", "re-establish", "reestablish", "renew"]) {
            return Some(Effect::Tie(Status::Restored));
        }
        if w.asserts(&["establish", "normaliz", "normalis"]) {
            return Some(Effect::Tie(Status::Established));
        }
    }
    if reducing {
        if w.asserts(&["suspend"]) {
            return Some(Effect::Tie(Status::Suspended));
        }
        if w.asserts(&[
            "sever",
            "break off",
            "broke off",
            "breaking off",
            "broken off",
            "cut ",
            "cut off",
            "rupture",
        ]) {
            return Some(Effect::Tie(Status::Severed));
        }
    }
    None
}

/// A question reports nothing that happened.
fn question(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\u{201d}', '\''])
        .ends_with('?')
}

/// Whether the words just before char offset `at` keep the verb there
/// from asserting anything happened: a negation ("never established"), a
/// modal ("could establish", "will establish") or, when `verb`, an
/// infinitive ("plans to establish", "agreed to establish": the plan, not
/// the deed; "led to the establishment of" is a noun).
fn negated_before(chars: &[char], at: usize, verb: bool) -> bool {
    let before: String = chars[..at.min(chars.len())].iter().collect();
    let words: Vec<String> = before
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let tail = &words[words.len().saturating_sub(3)..];
    let last = tail.last().map(String::as_str);
    (verb && last == Some("to"))
        || tail.iter().enumerate().any(|(i, w)| {
            matches!(
                w.as_str(),
                "not"
                    | "never"
                    | "cannot"
                    | "neither"
                    | "nor"
                    | "will"
                    | "would"
                    | "could"
                    | "should"
                    | "may"
                    | "might"
                    | "must"
                    | "can"
                    | "shall"
            ) || w.ends_with("n't")
                || (w == "no" && tail.get(i + 1).is_some_and(|n| n == "longer"))
        })
}

/// The event's own words, as char ranges of its sentence: from its verb
/// to its target when the target follows, else to the end of the verb's
/// clause; then a result clause right after (", which led to …",
/// ", leading to …").
fn predicate(chars: &[char], verb: [usize; 2], target: Option<[usize; 2]>) -> Vec<(usize, usize)> {
    let len = chars.len();
    let (start, mut end) = match target {
        Some(t) if t[0] >= verb[1] => (verb[0].min(len), t[0].min(len)),
        _ => (verb[0].min(len), clause_end(chars, verb[1].min(len))),
    };
    let mut ranges = vec![(start, end.max(start))];
    // Past the target, a result clause may follow its clause ("with Cuba,
    // which led to ..."); anything else there is about someone else.
    if let Some(t) = target.filter(|t| t[0] >= verb[1]) {
        end = clause_end(chars, t[1].min(len));
    }
    if let Some(result) = result_clause(chars, end) {
        ranges.push(result);
    }
    ranges
}

/// Where the clause that contains char `from` ends: the first comma,
/// semicolon, colon, dash or full stop at or after it.
fn clause_end(chars: &[char], from: usize) -> usize {
    chars[from..]
        .iter()
        .position(|c| matches!(c, ',' | ';' | ':' | '.' | '?' | '!' | '—' | '–' | '('))
        .map_or(chars.len(), |k| from + k)
}

/// A clause that states the predicate's result, starting at char `at` (a
/// clause break): ", which led to the establishment of diplomatic ties".
/// Returns its range after the opener, up to the next break.
fn result_clause(chars: &[char], at: usize) -> Option<(usize, usize)> {
    const OPENERS: &[&str] = &[
        ", which led to ",
        ", which resulted in ",
        ", which paved the way for ",
        ", which culminated in ",
        ", leading to ",
        ", resulting in ",
        ", paving the way for ",
        ", culminating in ",
    ];
    let head: String = chars[at..]
        .iter()
        .take(32)
        .collect::<String>()
        .to_lowercase();
    let opener = OPENERS.iter().find(|o| head.starts_with(*o))?;
    let start = (at + opener.chars().count()).min(chars.len());
    Some((start, clause_end(chars, start)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use statecraft_types::{Date, Modality, Spans};

    /// An event in `text` whose source, verb and target are the given
    /// words (the first occurrence of each).
    fn event(text: &str, source: &str, verb: &str, target: &str, cameo: &str) -> EventRecord {
        let span = |w: &str| {
            let b = text.find(w).unwrap_or_else(|| panic!("`{w}` in `{text}`"));
            let a = text[..b].chars().count();
            Some([a, a + w.chars().count()])
        };
        let mut e = EventRecord::bare("s", Date::from_ymd(2025, 2, 11).unwrap(), text, cameo);
        e.spans = Spans {
            source: span(source),
            target: span(target),
            verb: span(verb),
        };
        e
    }

    use Status::{Established, Restored, Severed, Suspended};

    #[test]
    fn facts_come_from_the_events_own_words() {
        // (sentence, source, verb, target, cameo, modality, effect)
        type Case<'a> = (
            &'a str,
            &'a str,
            &'a str,
            &'a str,
            &'a str,
            Option<Modality>,
            Option<Effect>,
        );
        let cases: &[Case] = &[
            // What happened.
            ("Japan established diplomatic relations with Bhutan in 1986.", "Japan", "established", "Bhutan", "057", None, Some(Effect::Tie(Established))),
            ("Bhutan and Japan established diplomatic ties on Monday.", "Japan", "established", "Bhutan", "057", None, Some(Effect::Tie(Established))),
            ("Qatar restored diplomatic relations with Egypt.", "Qatar", "restored", "Egypt", "064", None, Some(Effect::Tie(Restored))),
            ("Iran severed diplomatic ties with Saudi Arabia.", "Iran", "severed", "Saudi Arabia", "161", None, Some(Effect::Tie(Severed))),
            ("Ghana suspended relations with Togo, officials said.", "Ghana", "suspended", "Togo", "161", None, Some(Effect::Tie(Suspended))),
            ("South Korea opened its first embassy in Havana in January.", "South Korea", "opened", "Havana", "054", None, Some(Effect::Embassy(true))),
            ("Canada closed its embassy in Tehran.", "Canada", "closed", "Tehran", "161", None, Some(Effect::Embassy(false))),
            // A result clause of the event's predicate.
            ("The situation recalls South Korea's secret negotiations with Cuba, which led to the establishment of diplomatic ties in February 2024.", "South Korea", "negotiations", "Cuba", "046", None, Some(Effect::Tie(Established))),
            // Denials.
            ("Japan praised Bhutan, with which it has never established diplomatic relations.", "Japan", "praised", "Bhutan", "051", None, None),
            ("Japan has never established diplomatic relations with Bhutan.", "Japan", "established", "Bhutan", "057", None, None),
            ("Japan did not establish diplomatic relations with Bhutan.", "Japan", "establish", "Bhutan", "057", Some(Modality::Negated), None),
            ("Japan no longer restored ties with Bhutan.", "Japan", "restored", "Bhutan", "064", None, None),
            // Questions.
            ("Will Japan establish diplomatic relations with Bhutan?", "Japan", "establish", "Bhutan", "057", None, None),
            // Reported plans, whether or not the coder marked them.
            ("Japan said it plans to establish diplomatic ties with Bhutan.", "Japan", "establish", "Bhutan", "036", Some(Modality::Intended), None),
            ("Japan said it plans to establish diplomatic ties with Bhutan.", "Japan", "establish", "Bhutan", "054", None, None),
            ("Japan and Bhutan agreed to establish diplomatic relations.", "Japan", "establish", "Bhutan", "057", None, None),
            ("Japan will open an embassy in Bhutan.", "Japan", "open", "Bhutan", "054", None, None),
            ("Japan is ready to establish ties with Bhutan if talks go well.", "Japan", "establish", "Bhutan", "057", Some(Modality::Hypothetical), None),
            // Third parties.
            ("Japan welcomed Bhutan's decision to establish ties with India.", "Japan", "welcomed", "Bhutan", "051", None, None),
            ("Japan praised Bhutan, which restored relations with China last year.", "Japan", "praised", "Bhutan", "051", None, None),
            ("Japan met Bhutan's envoy after India severed ties with Nepal.", "Japan", "met", "Bhutan", "040", None, None),
            // The code must point the same way.
            ("Iran severed diplomatic ties with Saudi Arabia.", "Iran", "severed", "Saudi Arabia", "051", None, None),
            ("Japan established diplomatic relations with Bhutan.", "Japan", "established", "Bhutan", "161", None, None),
        ];
        for (text, source, verb, target, cameo, modality, want) in cases {
            let mut e = event(text, source, verb, target, cameo);
            e.modality = *modality;
            assert_eq!(effect(&e), *want, "{text}");
        }
    }

    #[test]
    fn the_pattern_counts_as_the_events_words() {
        // "Seoul and Havana exchanged ambassadors" gives no status; with a
        // pattern naming relations and an establishing verb it does.
        let mut e = event(
            "Seoul normalized with Havana.",
            "Seoul",
            "normalized",
            "Havana",
            "057",
        );
        assert_eq!(effect(&e), None);
        e.pattern = Some("* DIPLOMATIC_RELATIONS".into());
        assert_eq!(effect(&e), Some(Effect::Tie(Established)));
    }
}
