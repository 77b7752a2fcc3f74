//! Stage `places` over a story's events (statecraft reading): each event's
//! own place, and one sentence's scene shared by its physical acts, never
//! by a remote one. Sentences written for these tests.

use statecraft_coder::{Coder, Event, Options};
use statecraft_text::{Date, Layout, Story};

fn code(text: &str) -> Vec<Event> {
    let (dict, _known_flaws) = statecraft_dict::bundled();
    let coder = Coder::new(dict, Options::statecraft());
    let story = Story::new(
        "p",
        Date::from_ymd(2004, 9, 1).unwrap(),
        text,
        Layout::Prose,
    );
    coder.code(&story).events
}

/// The place of the event with this CAMEO root, and whether its own words
/// are in the sentence (a span) or not.
fn place(events: &[Event], root: &str) -> Option<(String, bool)> {
    let e = events
        .iter()
        .find(|e| e.root.as_deref() == Some(root))
        .unwrap_or_else(|| panic!("no event of root {root}: {events:#?}"));
    e.location
        .as_ref()
        .map(|l| (l.name.clone(), l.span.is_some()))
}

#[test]
fn a_physical_act_takes_its_sentences_scene() {
    // The demolition hangs on a relative clause of the subject, not on
    // "killed ... in Jenin"; one sentence is one scene.
    let events = code("Israeli troops, who had demolished the homes of two militants earlier, killed three Hamas gunmen in Jenin on Monday.");
    assert_eq!(place(&events, "19"), Some(("Jenin".into(), true)));
    assert_eq!(place(&events, "17"), Some(("Jenin".into(), true)));
}

#[test]
fn a_remote_act_does_not_take_the_scene() {
    // The same shape with an accusation: made somewhere else, so no place;
    // the killing is still in Jenin.
    let events = code("Israeli troops, who had accused Hamas of planning attacks, killed three Hamas gunmen in Jenin on Monday.");
    assert_eq!(place(&events, "19"), Some(("Jenin".into(), true)));
    assert_eq!(place(&events, "11"), None);
}

/// Every event's place: (CAMEO root, place name, country, where from).
fn places(events: &[Event]) -> Vec<(String, String, String, &'static str)> {
    events
        .iter()
        .filter_map(|e| {
            let l = e.location.as_ref()?;
            Some((
                e.root.clone().unwrap_or_default(),
                l.name.clone(),
                l.country.clone(),
                l.source.as_str(),
            ))
        })
        .collect()
}

#[test]
fn an_unnamed_place_takes_the_nation_its_adjective_names() {
    // The dictionaries know "Iraqi"; the place is the country, not a point.
    let events =
        code("Insurgents and American forces clashed briefly on Thursday near the Iraqi city.");
    assert!(!events.is_empty(), "no event coded");
    for e in &events {
        let l = e.location.as_ref().expect("placed");
        assert_eq!(
            (l.name.as_str(), l.country.as_str(), l.lat),
            ("Iraq", "IRQ", None)
        );
    }
    // Without the adjective, nothing says which city (nor, when the coder
    // lends the insurgents the Americans' country, where they are).
    let events = code("Insurgents and American forces clashed briefly on Thursday near the city.");
    assert!(!events.is_empty(), "no event coded");
    assert!(
        events.iter().all(|e| e.location.is_none()),
        "{:?}",
        places(&events)
    );
}

#[test]
fn a_dateline_after_a_byline_of_its_own_is_read() {
    let text = "Malaysia's prime minister met Singapore's foreign minister on Monday.";
    let with_byline = code(&format!(
        "By Jane Doe, Malaysia Correspondent. KUALA LUMPUR : {text}"
    ));
    let plain = code(&format!("KUALA LUMPUR : {text}"));
    assert!(!plain.is_empty(), "no event coded");
    assert_eq!(places(&with_byline), places(&plain));
    assert!(places(&plain)
        .iter()
        .all(|p| p.1 == "Kuala Lumpur" && p.3 == "dateline"));
    // After a sentence of news, the same words are no dateline.
    let later = code(&format!("Talks ended on Monday. KUALA LUMPUR : {text}"));
    assert!(
        later
            .iter()
            .all(|e| e.location.as_ref().is_none_or(|l| l.name != "Kuala Lumpur")),
        "{:?}",
        places(&later)
    );
}

#[test]
fn each_piece_of_an_overlong_sentence_is_placed_by_its_own_words() {
    // A sentence over the coder's length limit is coded in pieces that
    // share its index: the second piece's event is placed by the second
    // piece's parse, not by the first's.
    let filler = ", while the weather stayed cold and the roads stayed closed".repeat(30);
    let text = format!(
        "Israeli troops killed three Hamas gunmen in Jenin on Monday{filler}, and Russian troops attacked Chechen rebels in Grozny on Tuesday."
    );
    assert!(text.chars().count() > statecraft_coder::MAX_SENTENCE_CHARS);
    let events = code(&text);
    assert!(events.iter().all(|e| e.sentence == 0), "{events:#?}");
    // (source country, place, place's country) of each event.
    let got: Vec<_> = events
        .iter()
        .map(|e| {
            let l = e.location.as_ref();
            (
                e.source.country().unwrap_or_default().to_string(),
                l.map(|l| l.name.clone()),
                l.map(|l| l.country.clone()),
            )
        })
        .collect();
    let want = |source: &str, name: &str, country: &str| {
        (
            source.to_string(),
            Some(name.to_string()),
            Some(country.to_string()),
        )
    };
    assert!(got.contains(&want("ISR", "Jenin", "PSE")), "{got:?}");
    assert!(got.contains(&want("RUS", "Grozny", "RUS")), "{got:?}");
}

#[test]
fn a_long_storys_late_sentences_are_placed_too() {
    // A story carries only its first units' parses to stage `places`; the
    // later ones are parsed there, and placed the same way.
    let mut text = "Israeli troops killed three Hamas gunmen in Jenin on Monday. ".repeat(80);
    text.push_str("Russian troops attacked Chechen rebels in Grozny on Tuesday.");
    let events = code(&text);
    let last = events
        .iter()
        .find(|e| e.sentence == 80)
        .unwrap_or_else(|| panic!("no event in the last sentence: {events:#?}"));
    let l = last.location.as_ref().expect("a place");
    assert_eq!((l.name.as_str(), l.country.as_str()), ("Grozny", "RUS"));
    let first = events.iter().find(|e| e.sentence == 0).expect("an event");
    assert_eq!(
        first.location.as_ref().map(|l| l.name.as_str()),
        Some("Jenin")
    );
}
