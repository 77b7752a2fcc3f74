//! `explain`: each case is a sentence and lines its rendering must hold,
//! in order: the verdicts on candidate events and the notes on predicates.

use statecraft_coder::{Coder, Options};
use statecraft_text::{Date, Layout, Story};

const CASES: &[(&str, &[&str])] = &[
    (
        "Israeli air strikes killed two Hamas militants.",
        &[
            "kept    ISR -> PSEREBHMSUAF 190 (STRIKES): coded",
            "dropped PSEREBHMSUAF -> ISR 190 (STRIKES): the mirror of a one-way act",
        ],
    ),
    (
        "The New York Times said Israeli troops killed two Palestinians.",
        &[
            "dropped USAMED -> ISRMIL 010 (SAID): a statement beside a deed",
            "kept    ISRMIL -> PSE 190 (KILLED): coded",
        ],
    ),
    (
        "A car bomb exploded near a police station in Baghdad.",
        &[
            "EXPLODED -> 183 by * NEAR +",
            "parse: agents [], patient [POLICE], places []",
            "note: the subject is not an actor: no event",
        ],
    ),
    (
        "Gunmen attacked a police station in Baghdad.",
        &[
            "parse: agents [GUNMEN], patient [POLICE], places [BAGHDAD]",
            "kept    IRQUAF -> IRQCOP 190 (ATTACKED): coded",
        ],
    ),
    (
        "The Soviet Union invaded Afghanistan in 1979.",
        &["sentence set aside: the dictionaries' discard phrase 1979"],
    ),
    (
        // A verb with a subject of its own after "the" and a noun is a
        // verb (the lexer alone reads "The group said" as a noun phrase).
        "The group said Israeli troops killed two Palestinians.",
        &[
            "SAID -> 010 by the verb's own code",
            "note: the subject is not an actor: no event",
            "kept    ISRMIL -> PSE 190 (KILLED): coded",
        ],
    ),
    (
        "Egypt would never attack Israel.",
        &["kept    EGY -> ISR 190 (ATTACK): negated: printed only with --modal"],
    ),
];

#[test]
fn explain_table() {
    let (dict, _known_flaws) = statecraft_dict::bundled();
    let coder = Coder::new(dict, Options::statecraft());
    let date = Date::from_ymd(2004, 9, 1).unwrap();
    let mut failures = Vec::new();
    for &(text, want) in CASES {
        let story = Story::new("explain", date, text, Layout::Prose);
        let (why, coded) = coder.session().explain(&story);
        let shown = why.render();
        let mut rest = shown.as_str();
        for line in want {
            match rest.find(line) {
                Some(at) => rest = &rest[at + line.len()..],
                None => failures.push(format!("{text}\n  missing (in order): {line}\n{shown}")),
            }
        }
        // What is kept is what is coded.
        let kept = why
            .sentences
            .iter()
            .flat_map(|s| &s.candidates)
            .filter(|c| c.kept)
            .count();
        if kept != coded.events.len() {
            failures.push(format!("{text}: {kept} kept, {} coded", coded.events.len()));
        }
        // The JSON form carries the same record.
        let json = serde_json::to_value(&why).unwrap();
        assert_eq!(json["reading"], "statecraft");
        assert!(json["sentences"][0]["words"]
            .as_array()
            .is_some_and(|w| !w.is_empty()));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
