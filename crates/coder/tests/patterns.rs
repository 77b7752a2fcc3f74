//! Pattern semantics, table-driven: each case codes one sentence with a
//! small TABARI-format dictionary written for these tests and lists the
//! (source, target, code) events expected.

use statecraft_coder::{Coder, Options, Session};
use statecraft_dict::{Dialect, Loader};
use statecraft_text::{Date, Layout, Story};

const ACTORS: &str = "\
<ADJECTIVE>
EVIL
</ADJECTIVE>
<NOUN>
GOATS
SHEEP
</NOUN>
ARNOR [ARN]
GONDOR [GON]
+MINAS_TIRITH
ROHAN [ROH]
MORDOR [ORC]
OSGILIATH [OSG]
ERIADOR [ERI]
BREE [BRE]
BOROMIR [---]
THE_SHIRE [FRO/BIL/SAM]
UNITED_ARAB_EMIRATES [UAE]
";

const AGENTS: &str = "\
PRESIDENT_ [~GOVPRS]
SOLDIERS_ [~MIL]
HUMAN_RIGHTS_ACTIVISTS_ [NGM~]
";

const VERBS: &str = "\
<SYNSETS>
&CURRENCY
+DOLLAR
+KRONER_
</SYNSETS>
RESTOR [064]
- * DIPLOMATIC [065]
- NOT * RELATIONS [112]
ACCUSE_ [112]
CONTRIBUT [070]
- * &CURRENCY [903]
MEET [031:031]
- % HAVE POSTPONED * [191]
VISIT_ [032:033]
SAID [023?]
ATTEND [031!]
FREE [066]
- + * FROM $ [066]
CELEBRATE [042]
- * EID AT ^ WITH + [043]
WARN [160]
- $ ^ FOR * [164]
URGE [102]
- HAS { NOT | DECLINED } * [121]
ALLOW [060]
- * REAL~_PLEASANT [024]
- RECENT~_* [025]
BREAK_ [171]
{ BROKE_ BROKEN_ }
- + KNOWN_ * IN_ $ [076]
OPPOS [112]
ACCORD [---]
- IN_* [075]
- IN * [072]
";

fn coder() -> Coder {
    let mut l = Loader::new();
    l.actors(ACTORS, "t.actors", Dialect::Tabari);
    l.agents(AGENTS, "t.agents", Dialect::Tabari);
    l.verbs(VERBS, "t.verbs", Dialect::Tabari);
    let (dict, errors) = l.finish();
    assert!(errors.is_empty(), "{errors:?}");
    Coder::new(
        dict,
        Options {
            min_words: 0,
            ..Options::tabari()
        },
    )
}

fn code(session: &mut Session<'_>, text: &str) -> Vec<(String, String, String)> {
    let story = Story::new(
        "t",
        Date::from_ymd(1995, 1, 1).unwrap(),
        text,
        Layout::Sentence,
    );
    let mut got: Vec<_> = session
        .code(&story)
        .events
        .into_iter()
        .map(|e| (e.source.into_string(), e.target.into_string(), e.cameo))
        .collect();
    got.sort();
    got
}

#[test]
fn pattern_semantics() {
    let c = coder();
    #[rustfmt::skip]
    // (what it shows, sentence, events as (source, target, code))
    type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str, &'a str)]);
    let cases: &[Case] = &[
        (
            "default code and default actors",
            "Arnor will restore ties with Gondor.",
            &[("ARN", "GON", "064")],
        ),
        (
            "a stem matches longer words",
            "Arnor is restoring ties with Gondor.",
            &[("ARN", "GON", "064")],
        ),
        (
            "a longer pattern wins",
            "Arnor will restore full diplomatic ties with Gondor.",
            &[("ARN", "GON", "065")],
        ),
        (
            "a word before the verb",
            "Arnor will not restore relations with Gondor.",
            &[("ARN", "GON", "112")],
        ),
        (
            "a trailing _ forbids other endings",
            "Arnor accusex Gondor of crimes.",
            &[],
        ),
        (
            "regular endings on a whole word",
            "Arnor accused Gondor of crimes.",
            &[("ARN", "GON", "112")],
        ),
        (
            "synset member",
            "Arnor will contribute a million dollars to Gondor.",
            &[("ARN", "GON", "903")],
        ),
        (
            "closed synset member",
            "Arnor will contribute a million kroneren to Gondor.",
            &[("ARN", "GON", "070")],
        ),
        (
            "paired code",
            "Arnor will visit Gondor next week.",
            &[("ARN", "GON", "032"), ("GON", "ARN", "033")],
        ),
        (
            "symmetric code",
            "Arnor will meet Gondor next week.",
            &[("ARN", "GON", "031"), ("GON", "ARN", "031")],
        ),
        (
            "compound % both ways",
            "Gondor and Osgiliath have postponed their meeting.",
            &[("GON", "OSG", "191"), ("OSG", "GON", "191")],
        ),
        (
            "$ and + reverse roles",
            "Rohan soldiers were freed from Mordor yesterday.",
            &[("ORC", "ROHMIL", "066")],
        ),
        (
            "^ skips an actor",
            "Arnor has celebrated Eid at Osgiliath with Gondor.",
            &[("ARN", "GON", "043")],
        ),
        (
            "^ skips a multi-word actor before the verb",
            "Arnor was United Arab Emirates for Eriador warning us.",
            &[("ARN", "ERI", "164")],
        ),
        (
            "alternatives before the verb",
            "Bree has declined to urge Rohan to act.",
            &[("BRE", "ROH", "121")],
        ),
        (
            "~_ keeps a stem and joins",
            "Arnor allowed that Mordor is a really pleasant place.",
            &[("ARN", "ORC", "024")],
        ),
        (
            "~_ join fails on a gap",
            "Arnor allowed that Mordor is a real easy pleasant place.",
            &[("ARN", "ORC", "060")],
        ),
        (
            "verb joined to a stem before it",
            "Arnor recently allowed Mordor to leave.",
            &[("ARN", "ORC", "025")],
        ),
        (
            "irregular form and IN_ exact",
            "Arnor was known to break in a Gondor parade.",
            &[("GON", "ARN", "076")],
        ),
        (
            "IN_ does not match INTO",
            "Arnor was known to break into a Gondor parade.",
            &[("ARN", "GON", "171")],
        ),
        (
            "IN_* touches the verb",
            "Arnor was in accord with Gondor today.",
            &[("ARN", "GON", "075")],
        ),
        (
            "IN * allows a gap",
            "Arnor was into accord with Gondor today.",
            &[("ARN", "GON", "072")],
        ),
        (
            "null actor becomes a noun",
            "Arnor will restore ties with Boromir in Gondor.",
            &[("ARN", "GON", "064")],
        ),
        (
            "coded compound",
            "The Shire is about to restore ties with Gondor.",
            &[
                ("BIL", "GON", "064"),
                ("FRO", "GON", "064"),
                ("SAM", "GON", "064"),
            ],
        ),
        (
            "parsed compound source",
            "Arnor and the evil Rohan restored ties with Gondor.",
            &[("ARN", "GON", "064"), ("ROH", "GON", "064")],
        ),
        (
            "compound nouns do not split clauses",
            "Arnor accused sheep and evil goats of Gondor.",
            &[("ARN", "GON", "112")],
        ),
        (
            "agent suffix",
            "Gondor president accused Rohan of lying.",
            &[("GONGOVPRS", "ROH", "112")],
        ),
        (
            "agent prefix through a preposition",
            "Human rights activists in Arnor accused Rohan.",
            &[("NGMARN", "ROH", "112")],
        ),
        (
            "subordinate SAID yields to a real event",
            "Arnor said it accused Gondor of lying.",
            &[("ARN", "GON", "112")],
        ),
        (
            "subordinate SAID alone",
            "Arnor said Gondor was calm.",
            &[("ARN", "GON", "023")],
        ),
        (
            "passive voice",
            "Eriador was opposed by Osgiliath in the talks.",
            &[("OSG", "ERI", "112")],
        ),
        (
            "determiner makes a noun",
            "Arnor is about the restore of ties with Gondor.",
            &[],
        ),
        (
            "capital makes a noun",
            "Arnor is about to Restore ties with Gondor.",
            &[],
        ),
        (
            "comma clause dropped",
            "Arnor, said to be angry with Rohan today, accused Gondor.",
            &[("ARN", "GON", "112")],
        ),
        (
            "clauses each code",
            "Arnor accused Gondor but Rohan urged Bree to act.",
            &[("ARN", "GON", "112"), ("ROH", "BRE", "102")],
        ),
        (
            "AND between actors makes a compound",
            "Arnor accused Gondor and Rohan of lying.",
            &[("ARN", "GON", "112"), ("ARN", "ROH", "112")],
        ),
        (
            "pronoun dereferenced",
            "Arnor urged Bree to act and then it accused Gondor.",
            &[("ARN", "BRE", "102"), ("ARN", "GON", "112")],
        ),
        (
            "the first event of a clause wins",
            "Arnor will visit Gondor to attend talks with Rohan.",
            &[("ARN", "GON", "032"), ("GON", "ARN", "033")],
        ),
    ];
    let mut failures = Vec::new();
    for (what, text, want) in cases {
        let got = code(&mut c.session(), text);
        let mut want: Vec<(String, String, String)> = want
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        want.sort();
        if got != want {
            failures.push(format!("{what}: {text}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn dominant_codes_win_when_coding_everything() {
    let c = coder();
    let mut session = c.session();
    session.apply(&statecraft_text::Directive::Tabari("SET: CODE ALL".into()));
    assert_eq!(
        code(
            &mut session,
            "Arnor will visit Gondor to attend talks with Rohan."
        ),
        [("ARN".to_string(), "ROH".to_string(), "031".to_string())]
    );
}
