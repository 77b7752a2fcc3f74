//! Which date an event takes: its own clause's expression, "during the
//! visit", a past-tense narrative, or the story date.

use statecraft_coder::{Coder, Options};
use statecraft_text::{Date, Layout, Story};

/// (story date, story text, words of the event's sentence, expected
/// date, precision).
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

#[rustfmt::skip]
const CASES: &[Case] = &[
    ("2024-12-26", "Japanese Foreign Minister Takeshi Iwaya met Chinese Foreign Minister Wang Yi in Beijing on Wednesday.",
     "Iwaya met", "2024-12-25", "day"),
    ("2024-12-26", "Last month, Prime Minister Shigeru Ishiba held talks with Xi Jinping in Lima.",
     "Ishiba held talks", "2024-11-01", "month"),
    // A relative clause's date is not the main clause's.
    ("2024-12-26", "Iwaya, who took office in October, praised China.",
     "praised China", "2024-12-26", "story"),
    // "During the visit" takes the visit's dates.
    ("2025-02-11", "Kim Eun-jeong visited Damascus from Feb. 5 to 7. During the visit, Kim met with Asaad Al-Shaibani.",
     "Kim met with", "2025-02-05", "day"),
    // A past-tense narrative continues; a present-tense plan does not.
    ("2025-02-11", "Kim Eun-jeong visited Damascus from Feb. 5 to 7. Al-Shaibani praised South Korea.",
     "praised South Korea", "2025-02-05", "day"),
    ("2025-02-11", "Kim Eun-jeong visited Damascus from Feb. 5 to 7. Syria's interim government plans to minimize relations with North Korea.",
     "plans to minimize", "2025-02-11", "story"),
    // ", and" starts a clause of its own.
    ("2025-02-11", "South Korea opened its first embassy in Havana in January, and Cuba is preparing to open its embassy in Seoul.",
     "South Korea opened", "2025-01-01", "month"),
    ("2025-02-11", "Putin met Erdogan in Ankara.", "Putin met Erdogan", "2025-02-11", "story"),
];

#[test]
fn event_date_table() {
    let (dict, _) = statecraft_dict::bundled();
    let coder = Coder::new(dict, Options::statecraft());
    let mut failures = Vec::new();
    for &(date, text, words, want, precision) in CASES {
        let story = Story::new("d", Date::parse(date).unwrap(), text, Layout::Prose);
        let events = coder.code_story(&story);
        let ok = events.iter().any(|e| {
            let verb = e.spans.verb.unwrap();
            e.text.find(words).is_some_and(|at| {
                // The event's verb lies in the quoted words.
                let start = e.text[..at].chars().count();
                verb[0] >= start && verb[0] < start + words.chars().count()
            }) && e.date.to_string() == want
                && e.date_precision.as_str() == precision
        });
        if !ok {
            failures.push(format!(
                "{text}\n    want {want} ({precision}) for \"{words}\"; coded {:?}",
                events
                    .iter()
                    .map(|e| format!(
                        "{} {} {} {} {}",
                        e.source, e.target, e.cameo, e.date, e.date_precision
                    ))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
