//! Stage modality: what the words around a verb say of its events
//! (negation, hypotheses, conditions, questions, refusals), and
//! intentions ("plans to", "expressed interest in") coded as CAMEO
//! intents.

use super::RawEvent;
use statecraft_dict::EventCode;
use statecraft_types::Modality;

/// Words that frame an intention when they govern a verb through TO, OF,
/// IN or FOR ("plans to", "the possibility of", "interest in").
pub(super) const INTENT_STEMS: &[&str] = &[
    "PLAN",
    "SCHEDUL",
    "DUE",
    "INTEND",
    "INTENTION",
    "INTENT",
    "SEEK",
    "SOUGHT",
    "AIM",
    "WANT",
    "HOPE",
    "WISH",
    "PREPAR",
    "CONSIDER",
    "MULL",
    "WEIGH",
    "WILLING",
    "READY",
    "READINESS",
    "EAGER",
    "KEEN",
    "POSSIBILITY",
    "PROSPECT",
    "INTEREST",
    "DESIRE",
    "PLEDG",
    "VOW",
    "DETERMINED",
    "TRY",
    "TRIE",
    "ATTEMPT",
    "EXPECT",
    "PROPOS",
    "COMMIT",
    "OFFER",
    "PROMIS",
    "LOOKING",
    "PUSH",
    "BID",
    "THREAT",
];

/// Verbs that express a cue noun: "expressed interest in", "showed
/// willingness to".
pub(super) const EXPRESSION_VERBS: &[&str] = &[
    "EXPRESS", "SHOW", "SIGNAL", "VOICE", "REITERAT", "CONFIRM", "STATE", "INDICAT",
];

/// The position of an intention cue governing the verb at `vf`, if any.
pub(super) fn intent_cue(toks: &[&str], barrier: &[bool], lo: usize, vf: usize) -> Option<usize> {
    let mut j = vf.checked_sub(1)?;
    // One adverb may sit between the particle and the verb.
    if j > lo && toks[j].ends_with("LY") {
        j -= 1;
    }
    if j < lo
        || !matches!(
            toks[j],
            "TO" | "OF" | "IN" | "ON" | "FOR" | "TOWARD" | "TOWARDS"
        )
    {
        return None;
    }
    let from = j.saturating_sub(4).max(lo);
    (from..j)
        .rev()
        .take_while(|&p| !barrier[p])
        .find(|&p| INTENT_STEMS.iter().any(|s| toks[p].starts_with(s)))
}

/// What the sentence and its parse say of the frame a verb stands in.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Frame {
    /// The sentence is a question.
    pub question: bool,
    /// A condition is on the verb (from the parse, or else any of
    /// [`crate::grammar::CONDITIONS`] before it).
    pub conditional: bool,
    /// The verb lies in what a reporting verb in the past tense reports
    /// ("said talks would resume"): its "would" is the speaker's "will".
    pub backshifted: bool,
    /// The verb is in the present tense in a clause of time on a verb in
    /// the future ("will top the agenda when Zapatero welcomes Chirac"):
    /// it is to come.
    pub future: bool,
}

/// Modality of the verb at `vf` from the words before it in its clause:
/// auxiliaries, negations and refusal frames within a few words, a
/// condition on it, or a question (`frame`).
pub(super) fn modality(
    toks: &[&str],
    barrier: &[bool],
    lo: usize,
    vf: usize,
    frame: Frame,
) -> Option<Modality> {
    const NEGATORS: &[&str] = &["NOT", "NEVER", "NEITHER", "NOR", "CANNOT"];
    const REFUSALS: &[&str] = &["REFUS", "DECLIN", "FAIL", "RULED OUT", "REJECT"];
    const HYPOTHETICAL: &[&str] = &["COULD", "WOULD", "MIGHT", "MAY", "SHOULD", "MUST"];
    const FUTURE: &[&str] = &["WILL", "SHALL", "WON'T"];
    let from = vf.saturating_sub(5).max(lo);
    let window: Vec<usize> = (from..vf).rev().take_while(|&p| !barrier[p]).collect();
    let word = |p: usize| toks[p];
    // Negation first: "would not meet" did not happen either way.
    for &p in &window {
        let w = word(p);
        if (NEGATORS.contains(&w) && toks.get(p + 1) != Some(&"ONLY"))
            || (w.ends_with("N'T") && w != "WON'T")
            || (w == "YET"
                && toks.get(p + 1) == Some(&"TO")
                && p > 0
                && matches!(word(p - 1), "HAS" | "HAVE" | "HAD" | "IS" | "ARE"))
        {
            return Some(Modality::Negated);
        }
        if w == "WON'T" {
            return Some(Modality::Negated);
        }
        if toks.get(p + 1) == Some(&"TO") && REFUSALS.iter().any(|r| w.starts_with(r)) {
            return Some(Modality::Negated);
        }
    }
    if frame.question {
        return Some(Modality::Hypothetical);
    }
    // "May" the month ("in May", "May 5") is not the modal.
    let month = |p: usize| {
        word(p) == "MAY"
            && ((p > 0
                && matches!(
                    word(p - 1),
                    "IN" | "EARLY" | "LATE" | "LAST" | "NEXT" | "SINCE" | "OF" | "MID"
                ))
                || toks
                    .get(p + 1)
                    .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit())))
    };
    // A reported "would" is the speaker's "will" ("said talks would
    // resume"): an intention, below.
    let reported_will = |p: usize| frame.backshifted && word(p) == "WOULD";
    if window
        .iter()
        .any(|&p| HYPOTHETICAL.contains(&word(p)) && !month(p) && !reported_will(p))
    {
        return Some(Modality::Hypothetical);
    }
    // "appeared poised to approve", "seems likely to sign", "appears to
    // reject": what the writer expects of the actor, not what it did or
    // said it will do ("appeared before lawmakers to denounce" did).
    const EXPECTED: &[&str] = &["POISED", "LIKELY", "UNLIKELY"];
    let seeming = |p: usize| {
        ["APPEAR", "SEEM"].iter().any(|s| word(p).starts_with(s))
            && toks
                .get(p + 1)
                .is_some_and(|n| *n == "TO" || EXPECTED.contains(n) || *n == "READY")
    };
    if window.iter().any(|&p| {
        (seeming(p) || EXPECTED.contains(&word(p))) && (p + 1..vf).any(|q| word(q) == "TO")
    }) {
        return Some(Modality::Hypothetical);
    }
    if frame.conditional {
        return Some(Modality::Hypothetical);
    }
    if frame.future {
        return Some(Modality::Intended);
    }
    if window.iter().any(|&p| {
        FUTURE.contains(&word(p))
            || reported_will(p)
            || (matches!(word(p), "IS" | "ARE") && toks.get(p + 1) == Some(&"TO"))
            || (word(p) == "GOING" && toks.get(p + 1) == Some(&"TO"))
    }) {
        return Some(Modality::Intended);
    }
    None
}

/// Stage modality of a verb's events: the modality the words around the
/// verb give (`modal`; the statecraft reading), a refusal the pattern
/// spells or a conditional refusal of a cooperative act, and intentions
/// (`intended`: framed by "plans to" and the like) coded as CAMEO
/// intents.
pub(super) fn apply_modality(
    evs: &mut Vec<RawEvent>,
    code: &EventCode,
    modal: Option<Modality>,
    pat_src: Option<&str>,
    intended: bool,
    toks: &[&str],
    (lo, vf): (usize, usize),
) {
    // A pattern that spells the negation ("WILL_NOT * TALKS": 125,
    // reject talks) codes the refusal itself, which happened.
    let spelt = pat_src.is_some_and(|p| {
        p.split([' ', '_'])
            .any(|w| matches!(w, "NOT" | "NEVER" | "WON'T" | "NO"))
    });
    let modal = modal.filter(|m| !(spelt && *m == Modality::Negated));
    // "will not improve ties until ...": refusing a cooperative act
    // (roots 03 to 08) on a condition is CAMEO's rejection (12),
    // which happened; a refused hostile act stays negated, and so
    // does a plain "won't meet" (a plan, not a refusal).
    let refused = modal == Some(Modality::Negated)
        && will_not(toks, lo, vf)
        && toks[vf..].iter().any(|t| matches!(*t, "UNTIL" | "UNLESS"))
        && code.code().is_some_and(|c| {
            ["03", "04", "05", "06", "07", "08"]
                .iter()
                .any(|r| c.starts_with(r))
        });
    let modal = if refused {
        let talks = code
            .code()
            .is_some_and(|c| c.starts_with("03") || c.starts_with("04"));
        let with = if talks { "125" } else { "120" };
        // One rejection per dyad: the paired reverse goes.
        evs.retain(|e| code.code() == Some(e.code.as_str()));
        for e in evs.iter_mut() {
            e.code = with.to_string();
        }
        None
    } else {
        modal
    };
    if !intended && modal == Some(Modality::Intended) {
        // A planned visit is the visitor's intent, not yet the
        // host's ("will visit Turkey" has no paired hosting).
        if let Some(primary) = code.code() {
            evs.retain(|e| e.code == primary);
        }
    }
    if intended || modal == Some(Modality::Intended) {
        for e in evs.iter_mut() {
            e.modality = Some(Modality::Intended);
            if !intended {
                let future = intent_code(&EventCode::Event {
                    code: e.code.as_str().into(),
                    paired: None,
                    subordinate: false,
                    dominant: false,
                });
                if let Some(c) = future.code() {
                    e.code = c.to_string();
                }
            }
        }
    }
    if let Some(m @ (Modality::Hypothetical | Modality::Negated)) = modal {
        for e in evs.iter_mut() {
            e.modality = Some(m);
        }
    }
}

/// The CAMEO demand (root 10) that another do the act coded `code`: "said
/// Italy must withdraw its troops" (087 → 1056, demand de-escalation).
/// None for acts one does not demand (statements, force).
pub(super) fn demand_code(code: &str) -> Option<&'static str> {
    let three = code.get(..3).unwrap_or(code);
    Some(match code.get(..2)? {
        // A pattern that codes the obligation itself ("MUST *": 100).
        "10" => "100",
        "03" | "04" => "106",
        "05" => "102",
        "06" => match three {
            "061" => "1011",
            "062" => "1012",
            "063" => "1013",
            "064" => "1014",
            _ => "101",
        },
        "07" => match three {
            "071" => "1031",
            "072" => "1032",
            "073" => "1033",
            "074" => "1034",
            _ => "103",
        },
        "08" => match three {
            "081" => "1051",
            "082" => "1052",
            "083" => "104",
            "084" => "1053",
            "085" => "1054",
            "086" => "1055",
            "087" => "1056",
            _ => "105",
        },
        _ => return None,
    })
}

/// The CAMEO intent code for an event code: cooperating (04–08) becomes
/// "express intent to" (03x), reducing relations or coercing becomes a
/// threat (13x); other codes stay.
pub(super) fn intent_code(code: &EventCode) -> EventCode {
    let EventCode::Event {
        code: c,
        paired,
        subordinate,
        dominant,
    } = code
    else {
        return code.clone();
    };
    let map = |c: &str| -> String {
        let root = c.get(..2).unwrap_or("");
        let three = c.get(..3).unwrap_or(c);
        match root {
            "04" => "036",
            "05" => "032",
            "06" => match three {
                "061" => "0311",
                "062" => "0312",
                "063" => "0313",
                "064" => "0314",
                _ => "031",
            },
            "07" => match three {
                "071" => "0331",
                "072" => "0332",
                "073" => "0333",
                "074" => "0334",
                _ => "033",
            },
            "08" => "035",
            "16" => match three {
                "162" => "1311",
                "163" => "1312",
                _ => "1313",
            },
            "17" => "130",
            "18" | "19" | "20" => "138",
            _ => c,
        }
        .to_string()
    };
    EventCode::Event {
        code: map(c).into(),
        paired: paired.as_deref().map(|p| map(p).into()),
        subordinate: *subordinate,
        dominant: *dominant,
    }
}

/// Whether the verb at `vf` is refused in the future: "will not", "will
/// never", "won't" within the four tokens before it.
fn will_not(toks: &[&str], lo: usize, vf: usize) -> bool {
    let from = vf.saturating_sub(4).max(lo);
    let before = &toks[from..vf];
    before.iter().any(|t| matches!(*t, "WON'T" | "WONT"))
        || before
            .windows(2)
            .any(|w| w[0] == "WILL" && matches!(w[1], "NOT" | "NEVER"))
}
