//! Stage `filters` of the statecraft reading: events that the rules before
//! produced but a careful coder would not record.

use crate::sentence::RawEvent;
use statecraft_types::ActorCode;

/// CAMEO roots whose events run both ways between two parties when one
/// verb joins them: consulting and meeting (04), cooperating (05, 06) and
/// intending to (03).
const SYMMETRIC_ROOTS: &[&str] = &["03", "04", "05", "06"];

/// Verbs (upper case, as tokens) of fighting between two sides: "clashed",
/// "fought", "battled", "skirmished". Force between them runs both ways.
const FIGHT_STEMS: &[&str] = &[
    "CLASH",
    "FOUGHT",
    "FIGHT",
    "BATTL",
    "SKIRMISH",
    "EXCHANG",
    "SHOOTOUT",
    "GUNBATTL",
    "GUNFIGHT",
    "FIREFIGHT",
];

/// Whether an act with CAMEO `code`, expressed by the words `verb` (upper
/// case), is mutual by its nature: a meeting, talks, an agreement, a clash.
pub(crate) fn mutual(code: &str, verb: &[&str]) -> bool {
    SYMMETRIC_ROOTS.iter().any(|r| code.starts_with(r)) || fighting(verb)
}

/// Whether the words `verb` (upper case) are a verb of fighting between
/// two sides ([`FIGHT_STEMS`]), written as one word or more ("shoot-out",
/// "gun battle").
pub(crate) fn fighting(verb: &[&str]) -> bool {
    let joined = verb.concat();
    verb.iter()
        .chain(std::iter::once(&joined.as_str()))
        .any(|w| FIGHT_STEMS.iter().any(|s| w.starts_with(s)))
}

/// Whether an act with CAMEO `code` harms its target: coercion, assault,
/// force (roots 17 to 20). Its intent is a threat, and a reporter does not
/// do it by a pattern of the reporting verb.
pub(crate) fn harms(code: &str) -> bool {
    ["17", "18", "19", "20"].iter().any(|r| code.starts_with(r))
}

/// Roles of people and of society's bodies as news names them when
/// something befalls them or they do something: residents, civilians,
/// refugees, gunmen, criminals, companies, workers, schools, the media,
/// farmers, health workers, churches.
const PEOPLE: &[&str] = &[
    "PPL", "CVL", "REF", "UAF", "CRM", "BUS", "LAB", "EDU", "MED", "AGR", "HLH", "REL",
];

/// Whether `e` is a bare statement: root 01 by the verb's own code, no
/// pattern.
pub(crate) fn bare_statement(e: &RawEvent) -> bool {
    e.code.starts_with("01") && e.pattern.is_none()
}

/// Drops the bare statements ([`bare_statement`]) whose target is
/// people by one of [`PEOPLE`]' roles: "said
/// three gunmen were killed", "said hundreds attended his funeral", "said
/// the company has never been the victim", "told AFP" tell what befell
/// people or what they did, to no addressee, where a statement about a
/// state or a force ("says Iraqi forces are not ready") is the speaker's
/// comment on it.
pub(crate) fn statements_about_people(events: &mut Vec<RawEvent>) {
    events.retain(|e| {
        // (An international body's roles are its kind: IGOBUSIMF.)
        let people = e.target.country().is_some_and(crate::places::is_country)
            && e.target
                .role_chunks()
                .next()
                .is_some_and(|r| PEOPLE.contains(&r));
        !(bare_statement(e) && people)
    });
}

/// Drops the bare statements ([`bare_statement`]) between two actors of
/// one country: "the authorities say the
/// police chief was shot", "the ministry said police had found
/// explosives" are home news, whose deed, if any, is the event; a
/// statement of one state about another ("says Iraqi forces are not
/// ready") stays.
pub(crate) fn home_statements(events: &mut Vec<RawEvent>) {
    events.retain(|e| {
        let home = e
            .source
            .country()
            .is_some_and(|c| crate::places::is_country(c) && e.target.country() == Some(c));
        !(bare_statement(e) && home)
    });
}

/// Roles that hold no state authority: armed groups, gunmen, criminals.
const NON_STATE: &[&str] = &["REB", "UAF", "INS", "SEP", "CRM"];

/// Verbs (upper case, as tokens) of holding someone: the 2015 dictionary
/// codes them 170 (coerce) in its CONFINE block.
const HOLD_STEMS: &[&str] = &["HOLD", "HELD", "DETAIN", "CONFIN"];

/// Stage `abductions`: holding people ("held", "detained": 170 in the
/// dictionary) is CAMEO's arrest and detention (173), an act of
/// authorities; rebels, gunmen, militants or criminals who seize or hold
/// someone abduct them (181, take hostage). So do those who "seize" (171,
/// seize property) people. A target with a role is people or an
/// institution ("Militants seized an Iraqi-Polish woman and held a
/// Japanese man", "guerrillas took over a school"); a bare country is
/// territory ("rebels seized Kabul" stays 171). `texts` are the
/// sentence's tokens, upper case.
pub(crate) fn abductions(events: &mut [RawEvent], texts: &[&str]) {
    for e in events.iter_mut() {
        let people = e.target.role_chunks().next().is_some();
        let held = e.code == "170" && verb_is(e, texts, HOLD_STEMS);
        if held && people {
            e.code = "173".into();
        }
        let seized = e.code == "173" || (e.code == "171" && people);
        if seized && armed_non_state(&e.source) {
            e.code = "181".into();
        }
    }
}

/// Stage `bombings`: a bombing ("bombed", "the bombing of") coded as
/// conventional force (19x) by rebels, gunmen, criminals or an armed group
/// without a state is CAMEO's 183, non-military bombing; an air force's
/// stays 19x. `texts` are the sentence's tokens, upper case.
pub(crate) fn bombings(events: &mut [RawEvent], texts: &[&str]) {
    for e in events.iter_mut().filter(|e| e.code.starts_with("19")) {
        if verb_is(e, texts, &["BOMB"]) && armed_non_state(&e.source) {
            e.code = "183".into();
        }
    }
}

/// Verbs (upper case, as tokens) of speaking to someone: "spoke to",
/// "talking with", "told".
const SPEAKING_STEMS: &[&str] = &["SPEAK", "SPOKE", "TALK", "TOLD", "TELL"];

/// Stage `interviews`: speaking to the press ("spoke to The Associated
/// Press", "told the Wall Street Journal", "speaking with reporters") is
/// how news is gathered, not an act between the speaker and the outlet:
/// a statement or consultation (roots 01 and 04) of a verb of speaking,
/// by no pattern, with a medium on either side, goes. `texts` are the
/// sentence's tokens, upper case.
pub(crate) fn interviews(events: &mut Vec<RawEvent>, texts: &[&str]) {
    let media = |a: &ActorCode| a.role_chunks().any(|r| r == "MED");
    events.retain(|e| {
        !(e.pattern.is_none()
            && (e.code.starts_with("01") || e.code.starts_with("04"))
            && verb_is(e, texts, SPEAKING_STEMS)
            && (media(&e.source) || media(&e.target)))
    });
}

/// Whether the first word of an event's verb (`texts`: the sentence's
/// tokens, upper case) starts with one of `stems`.
fn verb_is(e: &RawEvent, texts: &[&str], stems: &[&str]) -> bool {
    texts
        .get(e.verb_tokens.0)
        .is_some_and(|v| stems.iter().any(|s| v.starts_with(s)))
}

/// Whether an actor is armed but holds no state authority: an armed
/// group without a state (`IMG…`), or a non-state role.
fn armed_non_state(a: &ActorCode) -> bool {
    a.country() == Some("IMG") || a.role_chunks().any(|r| NON_STATE.contains(&r))
}

/// Stage `one_way`: of two events with the same code between the same two
/// actors in opposite directions, keep only the one whose source is named
/// first, unless the act is mutual by its nature (a meeting, talks, an
/// agreement, a clash). "Israeli air strikes killed two Hamas militants"
/// is not also the militants killing Israel.
pub(crate) fn one_way(events: &mut Vec<RawEvent>, texts: &[&str]) {
    let mutual = |e: &RawEvent| {
        mutual(
            &e.code,
            texts.get(e.verb_tokens.0..=e.verb_tokens.1).unwrap_or(&[]),
        )
    };
    let first = |e: &RawEvent| e.source_tokens.map_or(usize::MAX, |t| t.0);
    let mut drop = vec![false; events.len()];
    for i in 0..events.len() {
        for j in i + 1..events.len() {
            let (a, b) = (&events[i], &events[j]);
            if a.code == b.code && a.source == b.target && a.target == b.source && !mutual(a) {
                if first(b) < first(a) {
                    drop[i] = true;
                } else {
                    drop[j] = true;
                }
            }
        }
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use statecraft_types::ActorCode;

    fn ev(s: &str, t: &str, code: &str, source_at: usize, verb_at: usize) -> RawEvent {
        RawEvent {
            source: ActorCode::new(s),
            target: ActorCode::new(t),
            code: code.into(),
            source_tokens: Some((source_at, source_at)),
            target_tokens: None,
            verb_tokens: (verb_at, verb_at),
            pattern: None,
            subordinate: false,
            dominant: false,
            modality: None,
        }
    }

    /// (tokens, events as (source, target, code, source position), the
    /// verb's position, the (source, target) pairs kept).
    #[test]
    fn mirrored_pairs() {
        type Case<'a> = (
            &'a str,
            &'a [(&'a str, &'a str, &'a str, usize)],
            usize,
            &'a [(&'a str, &'a str)],
        );
        let cases: &[Case] = &[
            // A one-way act: the source named first keeps it.
            (
                "ISRAELI STRIKES KILLED HAMAS MILITANTS",
                &[("ISR", "PSE", "190", 0), ("PSE", "ISR", "190", 3)],
                2,
                &[("ISR", "PSE")],
            ),
            (
                "ISRAELI STRIKES KILLED HAMAS MILITANTS",
                &[("PSE", "ISR", "190", 3), ("ISR", "PSE", "190", 0)],
                2,
                &[("ISR", "PSE")],
            ),
            // Mutual acts keep both directions: a clash, a meeting.
            (
                "INSURGENTS AND AMERICAN FORCES CLASHED",
                &[("IRQ", "USA", "190", 0), ("USA", "IRQ", "190", 2)],
                4,
                &[("IRQ", "USA"), ("USA", "IRQ")],
            ),
            (
                "KERRY MET LAVROV",
                &[("USA", "RUS", "040", 0), ("RUS", "USA", "040", 2)],
                1,
                &[("USA", "RUS"), ("RUS", "USA")],
            ),
            // Different codes are not a mirrored pair.
            (
                "X ACCUSED Y",
                &[("USA", "RUS", "112", 0), ("RUS", "USA", "016", 2)],
                1,
                &[("USA", "RUS"), ("RUS", "USA")],
            ),
        ];
        for (text, evs, verb, want) in cases {
            let texts: Vec<&str> = text.split(' ').collect();
            let mut events: Vec<RawEvent> = evs
                .iter()
                .map(|&(s, t, c, at)| ev(s, t, c, at, *verb))
                .collect();
            one_way(&mut events, &texts);
            let got: Vec<(&str, &str)> = events
                .iter()
                .map(|e| (e.source.as_str(), e.target.as_str()))
                .collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    /// (verb, source, target, code, kept): speaking to the press is no
    /// event; speaking with a government is, and so is a pattern's act.
    #[test]
    fn interviews_are_not_events() {
        let cases = [
            ("SPOKE", "USAGOV", "USAMED", "040", false),
            ("TOLD", "ITAGOV", "ITAMED", "010", false),
            ("SPEAKING", "USAMED", "IGOUNO", "040", false),
            ("SPOKE", "ALBGOV", "ARMGOV", "040", true),
            ("ATTACKED", "USAGOV", "USAMED", "190", true),
            ("MET", "USAGOV", "USAMED", "040", true),
        ];
        for (verb, s, t, code, kept) in cases {
            let texts = ["X", verb, "Y"];
            let mut events = vec![ev(s, t, code, 0, 1)];
            interviews(&mut events, &texts);
            assert_eq!(events.len() == 1, kept, "{s} {verb} {t}");
        }
    }

    /// (source, target, code before, verb, code after): who may arrest,
    /// and who abducts; seizing or holding people is abducting them,
    /// seizing a country's territory is not.
    #[test]
    fn arrests_by_armed_groups_are_abductions() {
        let cases = [
            ("IRQCOP", "FRAMED", "173", "ARRESTED", "173"),
            ("PSEREBHMS", "FRAMED", "173", "ARRESTED", "181"),
            ("IRQUAF", "FRAMED", "173", "ARRESTED", "181"),
            ("IMGMUSALQ", "FRAMED", "173", "ARRESTED", "181"),
            ("IRQUAF", "FRAMED", "190", "ATTACKED", "190"),
            ("IRQUAF", "IRQCVL", "171", "SEIZED", "181"),
            ("RUSREB", "RUSEDU", "171", "TOOK", "181"),
            ("AFGREB", "AFG", "171", "SEIZED", "171"),
            ("IRQCOP", "IRQCVL", "171", "SEIZED", "171"),
            ("IRQUAF", "JPNCVL", "170", "HOLDING", "181"),
            ("EGYCOP", "EGYOPP", "170", "DETAINED", "173"),
            ("EGYCOP", "EGYOPP", "170", "BLOCKED", "170"),
            ("EGYCOP", "EGY", "170", "HELD", "170"),
        ];
        for (source, target, before, verb, after) in cases {
            let mut events = vec![ev(source, target, before, 0, 1)];
            abductions(&mut events, &["X", verb]);
            assert_eq!(events[0].code, after, "{source} {target} {before} {verb}");
        }
    }
}
