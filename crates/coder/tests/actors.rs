//! Actors no dictionary knows: codes inferred from appositives and role
//! phrases, carried to later mentions, and left alone where the story
//! does not say who someone is.
//!
//! Each case is a short story coded with the bundled dictionaries. The
//! names are invented or obscure on purpose, so no dictionary knows them.

use statecraft_coder::{Coder, Event, Options};
use statecraft_text::{Date, Layout, Story};
use std::path::Path;

fn code(coder: &mut Coder, text: &str) -> Vec<Event> {
    let story = Story::new(
        "actors",
        Date::from_ymd(2025, 2, 11).unwrap(),
        text,
        Layout::Prose,
    );
    coder.code_story(&story)
}

/// What a case expects of the actor spelled `name` in the last sentence.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// An event has it as source or target with this code, inferred.
    Inferred(&'static str),
    /// No event has an inferred actor.
    NoInference,
}
use Expect::*;

/// (story, expectation).
type Case = (&'static str, Expect);

#[rustfmt::skip]
const CASES: &[Case] = &[
    // Appositives with a country and a role word.
    ("Asaad Hamdan, Syria's interim foreign minister, met Sergei Lavrov in Moscow.", Inferred("SYRGOV")),
    ("Park Yoon-joo, South Korea's first vice foreign minister, met Sergei Lavrov.", Inferred("KORGOV")),
    ("Omar Haddad, Jordan's ambassador to Syria, met Sergei Lavrov.", Inferred("JORGOV")),
    ("Ilse Vogt, Germany's special envoy for Syria, visited Damascus.", Inferred("DEUGOV")),
    ("Maria Duarte, a spokeswoman for Brazil's foreign ministry, criticized Israel.", Inferred("BRAGOV")),
    ("Kwame Asante, Ghana's deputy foreign minister, visited Beijing.", Inferred("GHAGOV")),
    ("Tomas Novak, the Czech ambassador, visited Damascus.", Inferred("CZEGOV")),
    ("Yusuf Demir, a Turkish diplomat, visited Damascus.", Inferred("TURGOV")),
    ("Anwar Rahimi, an Afghan official, visited Tehran.", Inferred("AFGGOV")),
    ("Pedro Alvarez, Cuba's vice minister of foreign affairs, visited Seoul.", Inferred("CUBGOV")),
    // Military, legislative, judicial and opposition roles.
    ("Hamid Karimi, an Iranian army general, visited Damascus.", Inferred("IRNMIL")),
    ("Oleksiy Hrytsenko, a Ukrainian military commander, accused Russia of shelling civilians.", Inferred("UKRMIL")),
    ("Julia Brandt, a German lawmaker, visited Kyiv.", Inferred("DEULEG")),
    ("Ines Moreau, a French senator, visited Kyiv.", Inferred("FRALEG")),
    ("Adel Mansour, a Lebanese judge, accused Israel of war crimes.", Inferred("LBNJUD")),
    ("Farid Yassin, a Syrian opposition leader, visited Ankara.", Inferred("SYROPP")),
    ("Abdul Rahim Zaki, a Syrian rebel commander, visited Ankara.", Inferred("SYRREB")),
    // Role phrases before the name.
    ("Syrian Foreign Minister Asaad Hamdan met Sergei Lavrov.", Inferred("SYRGOV")),
    ("Jordanian envoy Omar Haddad visited Damascus.", Inferred("JORGOV")),
    ("Russia's ambassador Pavel Orlov visited Seoul.", Inferred("RUSGOV")),
    ("Indonesian Defense Minister Budi Santoso visited Tokyo.", Inferred("IDNGOV")),
    ("United Nations envoy Geir Halvorsen visited Damascus.", Inferred("IGOUNOGOV")),
    // "of" phrases: the organisation, or the home country for a bare agent.
    ("South Korea is reviewing ties with Syria. Lee Min-ho, director-general of the Foreign Ministry's Middle East Bureau, visited Damascus.", Inferred("KORGOV")),
    ("Japan protested on Monday. Sato Kenji, a spokesman for the Foreign Ministry, criticized China.", Inferred("JPNGOV")),
    ("Cuba and South Korea set up ties. Raul Fontana, head of the Cuban Foreign Ministry's Asia department, visited Seoul.", Inferred("CUBGOV")),
    ("Hassan Nouri, a member of the Iraqi parliament, visited Tehran.", Inferred("IRQLEG")),
    ("Ali Mostafa, former Egyptian foreign minister, visited Damascus.", Inferred("EGYELI")),
    // Leaders of groups take the group's sector, at the event's date.
    ("Abu Hamza al-Tayeb, leader of the Islamist militant group Hayat Tahrir al-Sham, accused Russia of war crimes in November.", Inferred("SYRREB")),
    // Later mentions carry the inference.
    ("Asaad Hamdan, Syria's interim foreign minister, arrived in Moscow. Hamdan met Sergei Lavrov.", Inferred("SYRGOV")),
    ("Park Yoon-joo, South Korea's first vice foreign minister, flew to Hanoi. Park visited Beijing.", Inferred("KORGOV")),
    ("Ilse Vogt, Germany's special envoy for Syria, flew to Beirut. Vogt visited Damascus.", Inferred("DEUGOV")),
    ("Tomas Novak, the Czech ambassador, arrived on Monday. Novak visited Damascus on Tuesday.", Inferred("CZEGOV")),
    // Must not fire.
    ("Vladimir Putin, Russia's president, met Recep Tayyip Erdogan.", NoInference),
    ("Putin met Erdogan in Ankara on Monday.", NoInference),
    ("The Middle East Bureau, a unit of the ministry, criticized Israel.", NoInference),
    ("New Delhi, India's capital, hosted Sergei Lavrov.", NoInference),
    ("Omar Haddad visited Damascus.", NoInference),
    ("Omar Haddad, who arrived on Monday, visited Damascus.", NoInference),
    ("Brazilian President Luiz Inacio Lula da Silva visited Beijing.", NoInference),
];

#[test]
fn inference_table() {
    let (dict, _known_flaws) = statecraft_dict::bundled();
    let mut coder = Coder::new(dict, Options::statecraft());
    let mut failures = Vec::new();
    for &(text, expect) in CASES {
        let events = code(&mut coder, text);
        let last = events.iter().map(|e| e.sentence).max();
        let inferred: Vec<(String, &Event)> = events
            .iter()
            .filter(|e| Some(e.sentence) == last)
            .flat_map(|e| {
                let mut v = Vec::new();
                if e.source_actor.is_some() {
                    v.push((e.source.to_string(), e));
                }
                if e.target_actor.is_some() {
                    v.push((e.target.to_string(), e));
                }
                v
            })
            .collect();
        let ok = match expect {
            Inferred(code) => inferred.iter().any(|(c, e)| {
                let origin = e.source_actor.as_ref().or(e.target_actor.as_ref()).unwrap();
                c == code
                    && origin.actor_source == statecraft_coder::ActorSource::Inferred
                    && !origin.evidence.text.is_empty()
            }),
            NoInference => inferred.is_empty(),
        };
        if !ok {
            failures.push(format!(
                "{text}\n    want {expect:?}; coded {:?}",
                events
                    .iter()
                    .map(|e| format!(
                        "{} {}{} {}{} {}",
                        e.sentence,
                        e.source,
                        if e.source_actor.is_some() {
                            "(inferred)"
                        } else {
                            ""
                        },
                        e.target,
                        if e.target_actor.is_some() {
                            "(inferred)"
                        } else {
                            ""
                        },
                        e.cameo
                    ))
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
fn evidence_points_at_the_appositive() {
    let (dict, _) = statecraft_dict::bundled();
    let mut coder = Coder::new(dict, Options::statecraft());
    let text = "Asaad Hamdan, Syria's interim foreign minister, met Sergei Lavrov in Moscow.";
    let events = code(&mut coder, text);
    let e = events
        .iter()
        .find(|e| e.source_actor.is_some())
        .expect("an inferred source");
    let ev = &e.source_actor.as_ref().unwrap().evidence;
    assert_eq!(ev.text, "Syria's interim foreign minister");
    let chars: Vec<char> = text.chars().collect();
    let at: String = chars[ev.span[0]..ev.span[1]].iter().collect();
    assert_eq!(at, ev.text);
    assert_eq!(ev.sentence, 0);
}

/// Defect 2 (foundation): the coder was `&mut self`, so the server coded
/// behind a lock. It is `Sync`: one coder serves many threads, and each
/// thread's output is what one thread alone gives.
#[test]
fn one_coder_serves_many_threads() {
    fn shared<T: Send + Sync>(_: &T) {}
    let (dict, _) = statecraft_dict::bundled();
    let coder = Coder::new(dict, Options::statecraft());
    shared(&coder);
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/south-korea-syria-2025-02-11.txt");
    let bytes = std::fs::read(path).unwrap();
    let story = statecraft_text::read::read_plain(&bytes, "seed.txt")
        .stories()
        .next()
        .unwrap()
        .clone();
    let alone = coder.code(&story);
    assert!(!alone.events.is_empty());
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4).map(|_| s.spawn(|| coder.code(&story))).collect();
        for h in handles {
            assert_eq!(h.join().unwrap(), alone);
        }
    });
}
