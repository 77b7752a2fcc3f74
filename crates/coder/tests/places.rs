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
