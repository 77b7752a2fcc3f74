//! What did not happen: hypotheticals, conditionals, questions and
//! negations carry a `modality` (and are left out of the default output);
//! plans keep CAMEO intent codes; plain reports carry none.
//!
//! Each case is one sentence coded with the bundled dictionaries in
//! statecraft mode. The expectation names the dyad and CAMEO root of an
//! event that must be coded, and the modality it must carry.

use statecraft_coder::{Coder, Event, Options};
use statecraft_text::{Date, Layout, Story};

fn coder() -> Coder {
    let (dict, _known_flaws) = statecraft_dict::bundled();
    Coder::new(dict, Options::statecraft())
}

fn code(coder: &Coder, text: &str) -> Vec<Event> {
    let story = Story::new(
        "m",
        Date::from_ymd(2025, 2, 11).unwrap(),
        text,
        Layout::Sentence,
    );
    coder.code_story(&story)
}

/// What a case expects of the events with its dyad and root. Every case
/// asserts that an event exists: one that did not happen is coded with
/// its modality, or, where the dictionary itself nulls the modal
/// construction, the same report without the modal must be coded (so
/// that the case shows the modal, not a blind spot, is why nothing is).
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// Coded, with this modality.
    Marked(&'static str),
    /// Coded as having happened (no modality).
    Happened,
    /// Not coded as having happened, because the dictionary nulls the
    /// modal construction (`- MAY_* [---]`); this sentence, the same
    /// report without the modal, is coded as having happened.
    NulledFor(&'static str),
}
use Expect::*;

/// (sentence, source country or "" for any, target country, CAMEO root or
/// "" for any, expectation).
type Case<'a> = (&'a str, &'a str, &'a str, &'a str, Expect);

#[rustfmt::skip]
const CASES: &[Case] = &[
    // Negations.
    ("Putin did not meet Erdogan during the summit in Astana.", "RUS", "TUR", "04", Marked("negated")),
    ("Putin didn't meet Erdogan on the sidelines of the summit.", "RUS", "TUR", "04", Marked("negated")),
    ("Putin never met Erdogan during his two days in Baku.", "RUS", "TUR", "04", Marked("negated")),
    ("Putin has yet to meet Erdogan since the election.", "RUS", "TUR", "04", Marked("negated")),
    ("Putin failed to meet Erdogan before the deadline.", "RUS", "TUR", "04", Marked("negated")),
    ("Erdogan did not visit Moscow last year despite repeated invitations.", "TUR", "RUS", "04", Marked("negated")),
    ("France did not support Israel's plan for Gaza.", "FRA", "ISR", "05", Marked("negated")),
    ("Putin won't meet Erdogan at the summit, officials said.", "RUS", "TUR", "", Marked("negated")),
    // Hypotheticals, conditionals and questions.
    ("The prospect of South Korea-Syria diplomatic ties could deal a significant blow to North Korea's foreign relations.", "KOR", "PRK", "01", Marked("hypothetical")),
    ("Putin could meet Erdogan in Istanbul next month.", "RUS", "TUR", "04", Marked("hypothetical")),
    ("Putin might meet Erdogan in Istanbul.", "RUS", "TUR", "04", Marked("hypothetical")),
    ("Putin would meet Erdogan only after a ceasefire.", "RUS", "TUR", "", Marked("hypothetical")),
    ("Analysts said Putin may meet Erdogan in the spring.", "RUS", "TUR", "04", NulledFor("Analysts said Putin met Erdogan in the spring.")),
    ("If Putin meets Erdogan, Japan will protest.", "RUS", "TUR", "04", Marked("hypothetical")),
    ("Unless Tehran accepts inspections, Washington will impose new sanctions on Iran.", "USA", "IRN", "", Marked("hypothetical")),
    ("Did Putin meet Erdogan in Sochi?", "RUS", "TUR", "04", Marked("hypothetical")),
    ("Tehran has not recognized the interim government in Damascus.", "IRN", "SYR", "", Marked("negated")),
    ("Erdogan never visited Damascus during the war.", "TUR", "SYR", "04", Marked("negated")),
    ("Should Syria establish ties with South Korea, North Korea would lose an ally.", "SYR", "KOR", "", Marked("hypothetical")),
    ("Putin might visit Turkey next month, a Kremlin aide said.", "RUS", "TUR", "", Marked("hypothetical")),
    ("Would Seoul establish diplomatic ties with Damascus?", "", "SYR", "", Marked("hypothetical")),
    ("Diplomats asked whether Putin met Erdogan in Sochi.", "RUS", "TUR", "04", Marked("hypothetical")),
    ("Turkey will recall its ambassador from Russia if Putin meets Assad.", "TUR", "RUS", "", Marked("hypothetical")),
    ("If Syrian troops cross the border and attack Turkish villages, NATO will respond.", "SYR", "TUR", "19", Marked("hypothetical")),
    // Intentions keep intent codes.
    ("Putin will visit Turkey next week, the Kremlin said.", "RUS", "TUR", "03", Marked("intended")),
    ("Syria's interim government plans to minimize relations with North Korea.", "SYR", "PRK", "", Marked("intended")),
    ("Cuba is preparing to open its embassy in Seoul.", "CUB", "KOR", "03", Marked("intended")),
    // A reported "would" is the speaker's "will"; one not reported, or
    // under a condition, stays hypothetical.
    ("The Kremlin announced that Putin would hold talks with Erdogan in Ankara next month.", "RUS", "TUR", "03", Marked("intended")),
    ("Putin would meet Erdogan in Ankara next month.", "RUS", "TUR", "", Marked("hypothetical")),
    // A reported harm on a condition is a threat (13); a reported favour
    // on one stays hypothetical.
    ("Iraqi militants said they would behead the Japanese hostage if Tokyo did not withdraw its troops.", "IRQ", "JPN", "13", Marked("intended")),
    ("Iraqi militants said they would free the Japanese hostage if Tokyo withdrew its troops.", "IRQ", "JPN", "08", Marked("hypothetical")),
    ("The Kremlin announced that Putin would hold talks with Erdogan in Ankara if the ceasefire held.", "RUS", "TUR", "04", Marked("hypothetical")),
    // Must not fire: reports of what happened.
    ("Putin met Erdogan in May at the summit in Astana.", "RUS", "TUR", "04", Happened),
    ("Putin not only met Erdogan but also praised him.", "RUS", "TUR", "04", Happened),
    ("Putin refused to meet Erdogan, a Kremlin spokesman said.", "RUS", "TUR", "12", Happened),
    ("South Korea opened its first embassy in Havana in January.", "KOR", "CUB", "", Happened),
    ("Syria's interim government welcomed South Korea's interest in assisting the country.", "SYR", "KOR", "05", Happened),
    ("Erdogan visited Moscow on Tuesday, his first trip since the war began.", "TUR", "RUS", "04", Happened),
    // A condition on another clause does not reach this one.
    ("Whether sanctions would work was unclear, the minister said, a day after Pyongyang warned Tokyo that sanctions would mean war.", "PRK", "JPN", "13", Happened),
];

fn country(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

#[test]
fn modality_table() {
    let c = coder();
    let mut failures = Vec::new();
    for &(text, src, tgt, root, expect) in CASES {
        let events = code(&c, text);
        let hits_in = |events: &[Event]| -> Vec<Event> {
            events
                .iter()
                .filter(|e| {
                    (src.is_empty() || country(e.source.as_str()) == src)
                        && country(e.target.as_str()) == tgt
                        && (root.is_empty() || e.root.as_deref() == Some(root))
                })
                .cloned()
                .collect()
        };
        let hits = hits_in(&events);
        let ok = match expect {
            Marked(m) => {
                !hits.is_empty()
                    && hits
                        .iter()
                        .all(|e| e.modality.map(|x| x.as_str()) == Some(m))
            }
            Happened => !hits.is_empty() && hits.iter().all(|e| e.modality.is_none()),
            NulledFor(control) => {
                let control = hits_in(&code(&c, control));
                hits.iter().all(|e| !e.happened_or_intended())
                    && !control.is_empty()
                    && control.iter().all(|e| e.modality.is_none())
            }
        };
        if !ok {
            failures.push(format!(
                "{text}\n    want {src}->{tgt} {root} {expect:?}; coded {:?}",
                events
                    .iter()
                    .map(|e| format!("{} {} {} {:?}", e.source, e.target, e.cameo, e.modality))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn hypothetical_and_negated_events_are_not_reported_as_happened() {
    let c = coder();
    for text in [
        "Putin could meet Erdogan next month.",
        "Putin did not meet Erdogan.",
    ] {
        let events = code(&c, text);
        // Coded, and not as having happened.
        assert!(!events.is_empty(), "{text}: nothing coded");
        for e in events {
            assert!(!e.happened_or_intended(), "{text}: {e:?}");
        }
    }
    // The same reports without the modal happened.
    for text in [
        "Putin met Erdogan last month.",
        "Putin met Erdogan on Monday.",
    ] {
        let events = code(&c, text);
        assert!(
            !events.is_empty() && events.iter().all(Event::happened_or_intended),
            "{text}"
        );
    }
}
