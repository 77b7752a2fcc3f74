//! Table-driven checks of the embedded CAMEO table.

use statecraft_ontology::{all, lookup, resolve, QuadClass};
use std::path::Path;

struct Case {
    code: &'static str,
    name: &'static str,
    quad: u8,
    goldstein: Option<f32>,
    plover: Option<&'static str>,
    mode: Option<&'static str>,
    context: Option<&'static str>,
}

const fn case(
    code: &'static str,
    name: &'static str,
    quad: u8,
    goldstein: Option<f32>,
    plover: Option<&'static str>,
    mode: Option<&'static str>,
    context: Option<&'static str>,
) -> Case {
    Case {
        code,
        name,
        quad,
        goldstein,
        plover,
        mode,
        context,
    }
}

// At least one code per root, 01..20. PLOVER dropped roots 01 and 02.
const CASES: &[Case] = &[
    case("010", "Make statement", 1, Some(0.0), None, None, None),
    case("011", "Decline comment", 1, Some(-0.1), None, None, None),
    // The ICEWS and GDELT scores disagree here; GDELT's wins.
    case(
        "016",
        "Deny responsibility",
        1,
        Some(-2.0),
        None,
        None,
        None,
    ),
    // Extension code only in the variants file (Phoenix score, no name).
    case("0110", "", 1, Some(-0.1), None, None, None),
    case(
        "022",
        "Appeal for diplomatic cooperation (such as policy support)",
        1,
        Some(3.2),
        None,
        None,
        None,
    ),
    case(
        "0311",
        "Express intent to cooperate economically",
        1,
        Some(5.2),
        Some("AGREE"),
        None,
        Some("economic"),
    ),
    // Inherits 035's mapping.
    case("0357", "", 1, Some(7.0), Some("AGREE"), None, None),
    case(
        "042",
        "Make a visit",
        1,
        Some(1.9),
        Some("CONSULT"),
        Some("visit"),
        None,
    ),
    case(
        "051",
        "Praise or endorse",
        1,
        Some(3.4),
        Some("SUPPORT"),
        None,
        Some("diplomatic"),
    ),
    case(
        "061",
        "Cooperate economically",
        2,
        Some(6.4),
        Some("COOPERATE"),
        None,
        Some("economic"),
    ),
    case(
        "075",
        "Grant asylum",
        2,
        Some(7.0),
        Some("AID"),
        None,
        Some("asylum"),
    ),
    // The mapping lists 08 as both CONCEDE and RETREAT; the first is kept.
    case("08", "YIELD", 2, Some(5.0), Some("CONCEDE"), None, None),
    case(
        "0841",
        "Return, release person(s)",
        2,
        Some(7.0),
        Some("RETREAT"),
        Some("release"),
        Some("legal"),
    ),
    case(
        "094",
        "Investigate war crimes",
        3,
        Some(-2.0),
        Some("ACCUSE"),
        Some("investigate"),
        Some("military;legal"),
    ),
    case("10", "DEMAND", 3, Some(-5.0), Some("REQUEST"), None, None),
    case(
        "1041",
        "Demand change in leadership",
        3,
        Some(-5.0),
        Some("REQUEST"),
        Some("change"),
        Some("executive"),
    ),
    case("109", "", 3, Some(-5.0), Some("REQUEST"), None, None),
    case(
        "1121",
        "Accuse of crime, corruption",
        3,
        Some(-2.0),
        Some("ACCUSE"),
        Some("allege"),
        Some("crime;corruption"),
    ),
    // Only the PLOVER mapping knows 1214: no name, no score.
    case(
        "1214",
        "",
        3,
        None,
        Some("REJECT"),
        Some("assist"),
        Some("intelligence"),
    ),
    case(
        "1385",
        "Threaten attack with WMD",
        3,
        Some(-7.0),
        Some("THREATEN"),
        Some("violence"),
        Some("cbrn"),
    ),
    // GDELT and PLOVER put PROTEST in material conflict.
    case(
        "145",
        "Protest violently, riot",
        4,
        Some(-7.5),
        Some("PROTEST"),
        Some("riot"),
        None,
    ),
    case(
        "152",
        "Increase military alert status",
        4,
        Some(-7.2),
        Some("MOBILIZE"),
        Some("troops"),
        Some("military"),
    ),
    case(
        "163",
        "Impose embargo, boycott, or sanctions",
        4,
        Some(-8.0),
        Some("COERCE"),
        Some("restrict"),
        Some("diplomatic"),
    ),
    case(
        "174",
        "Expel or deport individuals",
        4,
        Some(-5.0),
        Some("COERCE"),
        Some("deport"),
        Some("legal"),
    ),
    case(
        "1823",
        "Kill by physical assault",
        4,
        Some(-10.0),
        Some("ASSAULT"),
        None,
        None,
    ),
    case(
        "190",
        "Use conventional military force",
        4,
        Some(-10.0),
        Some("ASSAULT"),
        None,
        Some("military"),
    ),
    case(
        "20",
        "USE UNCONVENTIONAL MASS VIOLENCE",
        4,
        Some(-10.0),
        Some("ASSAULT"),
        None,
        None,
    ),
];

#[test]
fn known_codes() {
    for c in CASES {
        let e = lookup(c.code).unwrap_or_else(|| panic!("{} missing", c.code));
        assert_eq!(e.code, c.code);
        assert_eq!(e.name, c.name, "name of {}", c.code);
        assert_eq!(e.root, &c.code[..2], "root of {}", c.code);
        assert_eq!(e.quad_class.number(), c.quad, "quad of {}", c.code);
        assert_eq!(e.goldstein, c.goldstein, "goldstein of {}", c.code);
        assert_eq!(e.plover, c.plover, "plover of {}", c.code);
        assert_eq!(e.plover_mode, c.mode, "plover_mode of {}", c.code);
        assert_eq!(e.plover_context, c.context, "plover_context of {}", c.code);
    }
}

#[test]
fn cases_span_all_roots() {
    for root in 1..=20 {
        let root = format!("{root:02}");
        assert!(
            CASES.iter().any(|c| c.code.starts_with(&root)),
            "no case for root {root}"
        );
    }
}

#[test]
fn codes_are_strings() {
    assert_eq!(lookup("010").unwrap().name, "Make statement");
    assert_eq!(lookup("10").unwrap().name, "DEMAND");
    assert!(lookup("1").is_none());
    assert!(lookup("").is_none());
}

#[test]
fn resolve_cases() {
    // (input, expected code, exact)
    let cases: &[(&str, Option<(&str, bool)>)] = &[
        ("010", Some(("010", true))),
        ("0110", Some(("0110", true))),
        ("0119", Some(("011", false))),
        ("174K", Some(("174", false))),
        ("075A", Some(("075", false))),
        ("20", Some(("20", true))),
        ("209", Some(("20", false))),
        ("20é", Some(("20", false))),
        ("99", None),
        ("00", None),
        ("sdf", None),
        ("1", None),
        ("---", None),
        ("", None),
        (" 042", None),
    ];
    for &(input, want) in cases {
        let got = resolve(input).map(|r| (r.event.code, r.exact));
        assert_eq!(got, want, "resolve({input:?})");
    }
}

#[test]
fn quad_class_api() {
    let all_quads = [
        (QuadClass::VerbalCooperation, 1, "Verbal cooperation"),
        (QuadClass::MaterialCooperation, 2, "Material cooperation"),
        (QuadClass::VerbalConflict, 3, "Verbal conflict"),
        (QuadClass::MaterialConflict, 4, "Material conflict"),
    ];
    for (q, n, label) in all_quads {
        assert_eq!(q.number(), n);
        assert_eq!(q.label(), label);
    }
}

#[test]
fn every_row_is_consistent() {
    let rows: Vec<_> = all().collect();
    assert!(rows.len() > 300, "only {} rows", rows.len());
    for w in rows.windows(2) {
        assert!(w[0].code < w[1].code, "not sorted/unique at {}", w[1].code);
    }
    for e in &rows {
        assert!(
            e.code.len() >= 2 && e.code.bytes().all(|b| b.is_ascii_digit()),
            "{}",
            e.code
        );
        assert_eq!(e.root, &e.code[..2], "root of {}", e.code);
        let root: u8 = e.root.parse().unwrap();
        assert!((1..=20).contains(&root), "root of {}", e.code);
        let quad = match root {
            1..=5 => 1,
            6..=8 => 2,
            9..=13 => 3,
            _ => 4,
        };
        assert_eq!(e.quad_class.number(), quad, "quad of {}", e.code);
        if let Some(g) = e.goldstein {
            assert!((-10.0..=10.0).contains(&g), "goldstein of {}", e.code);
        }
        if e.plover_mode.is_some() || e.plover_context.is_some() {
            assert!(
                e.plover.is_some(),
                "mode/context without event in {}",
                e.code
            );
        }
        // PLOVER dropped statements and appeals; everything else is mapped.
        assert_eq!(e.plover.is_none(), root <= 2, "plover of {}", e.code);
        assert!(std::ptr::eq(lookup(e.code).unwrap(), *e));
    }
    let roots = rows.iter().filter(|e| e.code.len() == 2).count();
    assert_eq!(roots, 20);
}

fn shared_file(name: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/ontology")
        .join(name);
    std::fs::read_to_string(path).ok()
}

#[test]
fn every_standard_code_present() {
    let Some(text) = shared_file("cameo_eventcodes.tsv") else {
        println!("skipped: shared data missing");
        return;
    };
    let mut n = 0;
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let (code, name) = line.split_once('\t').expect("two columns");
        let e = lookup(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(e.name, name.trim(), "name of {code}");
        n += 1;
    }
    assert!(n > 300, "only {n} codes read");
}

#[test]
fn gdelt_goldstein_scores_kept() {
    let Some(text) = shared_file("CAMEO.goldsteinscale.txt") else {
        println!("skipped: shared data missing");
        return;
    };
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let (code, score) = line.split_once('\t').expect("two columns");
        let want: f32 = score.trim().parse().unwrap();
        assert_eq!(
            lookup(code).unwrap().goldstein,
            Some(want),
            "goldstein of {code}"
        );
    }
}
