//! The constructions event coding leans on, each parsed by the built-in
//! model: one table, every row a sentence and the arcs it must contain.
//! An arc is `dependent relation head`, words named by their form (the
//! first word of that form in the sentence).

use statecraft_syntax::{analyze, parse, Parse};

/// `dependent relation head`.
type Arc = (&'static str, &'static str, &'static str);

/// `(construction, sentence, arcs)`.
const CASES: &[(&str, &str, &[Arc])] = &[
    (
        "passive with a by-agent",
        "The embassy was opened by South Korea in 2025.",
        &[
            ("embassy", "nsubj:pass", "opened"),
            ("was", "aux:pass", "opened"),
            ("Korea", "obl:agent", "opened"),
            ("by", "case", "Korea"),
        ],
    ),
    (
        "relative clause on the subject",
        "The minister who visited Damascus met the new leaders.",
        &[
            ("minister", "nsubj", "met"),
            ("visited", "acl:relcl", "minister"),
            ("who", "nsubj", "visited"),
            ("Damascus", "obj", "visited"),
        ],
    ),
    (
        "reported speech",
        "Officials said Seoul would establish diplomatic ties with Syria.",
        &[
            ("Officials", "nsubj", "said"),
            ("establish", "ccomp", "said"),
            ("Seoul", "nsubj", "establish"),
            ("ties", "obj", "establish"),
        ],
    ),
    (
        "coordinated subject",
        "Seoul and Damascus signed an agreement on Tuesday.",
        &[
            ("Seoul", "nsubj", "signed"),
            ("Damascus", "conj", "Seoul"),
            ("and", "cc", "Damascus"),
            ("agreement", "obj", "signed"),
        ],
    ),
    (
        "appositive",
        "Cho Tae-yul, the foreign minister, visited Damascus.",
        &[
            ("Cho", "nsubj", "visited"),
            ("minister", "appos", "Cho"),
            ("Damascus", "obj", "visited"),
        ],
    ),
    (
        "possessive",
        "Syria's foreign minister met his South Korean counterpart.",
        &[
            ("Syria", "nmod:poss", "minister"),
            ("'s", "case", "Syria"),
            ("minister", "nsubj", "met"),
            ("counterpart", "obj", "met"),
        ],
    ),
    (
        "negation",
        "North Korea did not attend the meeting in Damascus.",
        &[
            ("Korea", "nsubj", "attend"),
            ("did", "aux", "attend"),
            ("not", "advmod", "attend"),
            ("meeting", "obj", "attend"),
        ],
    ),
    (
        "modal",
        "The move could isolate North Korea further.",
        &[
            ("move", "nsubj", "isolate"),
            ("could", "aux", "isolate"),
            ("Korea", "obj", "isolate"),
        ],
    ),
    (
        "infinitival complement",
        "South Korea wants to establish relations with Syria.",
        &[
            ("Korea", "nsubj", "wants"),
            ("establish", "xcomp", "wants"),
            ("to", "mark", "establish"),
            ("relations", "obj", "establish"),
        ],
    ),
];

fn word(p: &Parse, form: &str) -> usize {
    p.words()
        .iter()
        .position(|w| w.form == form)
        .unwrap_or_else(|| panic!("no word `{form}` in {:?}", forms(p)))
}

fn forms(p: &Parse) -> Vec<&str> {
    p.words().iter().map(|w| w.form.as_str()).collect()
}

fn check(name: &str, p: &Parse, arcs: &[Arc]) -> Vec<String> {
    let mut wrong = Vec::new();
    for &(dep, rel, head) in arcs {
        let d = word(p, dep);
        let h = word(p, head);
        let w = &p.words()[d];
        if w.head != Some(h) || w.deprel != rel {
            let got = w.head.map_or("ROOT", |g| p.words()[g].form.as_str());
            wrong.push(format!(
                "{name}: wanted {dep} -{rel}-> {head}, got {dep} -{}-> {got} in {:?}",
                w.deprel,
                forms(p)
            ));
        }
    }
    wrong
}

#[test]
fn constructions() {
    let mut wrong = Vec::new();
    for (name, sentence, arcs) in CASES {
        wrong.extend(check(name, &parse(sentence), arcs));
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A wire dateline is a sentence of its own, and the report after it
/// parses as if it were not there.
#[test]
fn dateline() {
    let text = "SEOUL, Feb. 11 (Yonhap) -- South Korea is weighing ties with Syria.";
    let parses = analyze(text);
    assert_eq!(parses.len(), 2, "{parses:?}");
    assert_eq!(forms(&parses[0])[0], "SEOUL");
    assert_eq!(*forms(&parses[1]).last().unwrap(), ".");
    let wrong = check(
        "dateline",
        &parses[1],
        &[
            ("Korea", "nsubj", "weighing"),
            ("ties", "obj", "weighing"),
            ("is", "aux", "weighing"),
        ],
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
