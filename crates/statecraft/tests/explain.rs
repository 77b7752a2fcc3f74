//! `statecraft explain`: text for a terminal and JSON for tools, from an
//! argument or standard input; a bad date is refused.

mod common;

use std::process::Output;

fn explain(args: &[&str], stdin: &[u8]) -> Output {
    common::statecraft("explain", args, stdin)
}

#[test]
fn text_shows_every_stage_and_the_events() {
    let o = explain(
        &[
            "--date",
            "2004-09-01",
            "Gunmen attacked a police station in Baghdad.",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    for part in [
        "## parse",
        "## matches",
        "## actors",
        "## predicates",
        "ATTACKED -> 190",
        "## candidate events",
        "kept    IRQUAF -> IRQCOP 190 (ATTACKED): coded",
        "# events\n  IRQUAF -> IRQCOP 190 on 2004-09-01",
        "## places\n  IRQUAF -> IRQCOP 190: Baghdad (IRQ, city, from the text) — the sentence's place nearest the verb",
        "Baghdad                  locative, on the predicate: Baghdad (IRQ, city, GeoNames",
    ] {
        assert!(out.contains(part), "missing {part:?} in\n{out}");
    }
}

/// Stage `places` says why a name is no place of the event: "the war in
/// Iraq" hangs on a noun, so the dateline decides.
#[test]
fn places_say_why_a_name_is_not_the_place() {
    let o = explain(
        &[
            "--date",
            "2004-09-01",
            "BOSTON (Reuters) - The senator criticised the president over the war in Iraq.",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    for part in [
        "Boston (USA, city, from the dateline) — the dateline: nothing else says where",
        "Iraq                     locative, not on the predicate: Iraq (IRQ, country",
    ] {
        assert!(out.contains(part), "missing {part:?} in\n{out}");
    }
}

/// Words that point at a place without naming it, resolved by the
/// headline `--title` gives; without it, only the nation is known.
#[test]
fn places_show_what_unnamed_words_point_at() {
    let text = "Insurgents and American forces clashed on Thursday near the Iraqi city.";
    let o = explain(
        &[
            "--date",
            "2004-11-04",
            "--title",
            "US troops move toward Fallujah",
            text,
        ],
        b"",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    for part in [
        "Fallujah (IRQ, city, from the text) — the sentence's place nearest the verb",
        "the Iraqi city           locative, on the predicate: Al Fallūjah (IRQ, city, GeoNames 99454) (the headline's city)",
    ] {
        assert!(out.contains(part), "missing {part:?} in\n{out}");
    }
    let o = explain(&["--date", "2004-11-04", text], b"");
    let out = String::from_utf8(o.stdout).unwrap();
    let part = "Iraq (IRQ, country, from the text)";
    assert!(out.contains(part), "missing {part:?} in\n{out}");
}

#[test]
fn json_from_standard_input() {
    let o = explain(
        &["--date", "2004-09-01", "--json"],
        b"A car bomb exploded near a police station in Baghdad.",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON object");
    let s = &v["sentences"][0];
    assert_eq!(s["words"][2]["form"], "bomb");
    assert_eq!(s["words"][2]["deprel"], "nsubj");
    let exploded = &s["predicates"][0];
    assert_eq!(exploded["verb"], "EXPLODED");
    assert_eq!(exploded["note"], "the subject is not an actor: no event");
    assert_eq!(s["candidates"].as_array().map(Vec::len), Some(0));
}

#[test]
fn a_bad_date_is_refused() {
    let o = explain(&["--date", "2004-13-01", "Egypt attacked Israel."], b"");
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not a date"));
}
