//! Table-driven tests of the dictionary formats, and a load of every real
//! dictionary in `../shared` when it is present.

use statecraft_dict::{
    decode, ActorCodes, Dialect, Dictionary, EventCode, Loader, PhraseIndex, VerbKind,
};
use statecraft_text::Date;
use std::path::Path;

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// The code of the longest actor phrase starting at the first word of
/// `text` (upper-case, blank-separated), at `on`.
fn actor_code(dict: &Dictionary, text: &str, on: &str) -> Option<String> {
    let ix = dict.index();
    let toks: Vec<&str> = text.split(' ').collect();
    let mut ids = Vec::new();
    ix.first_word_matches(toks[0], &mut Vec::new(), &mut ids);
    let best = ids
        .iter()
        .map(|&id| ix.entry(id))
        .filter(|e| e.kind == statecraft_dict::EntryKind::Actor)
        .filter_map(|e| {
            PhraseIndex::match_phrase(&e.phrase, &toks, 0, &|_| false).map(|at| (at.len(), e))
        })
        .max_by_key(|(n, _)| *n)?;
    match dict.actors[best.1.item as usize].schedule.at(date(on)) {
        ActorCodes::Codes(c) => Some(c.join("/")),
        ActorCodes::Null => Some("---".into()),
        ActorCodes::Discard => Some("###".into()),
        ActorCodes::Complex => Some("+++".into()),
    }
}

const TABARI_ACTORS: &str = "\
<NOUN>
GOATS
</NOUN>
<ADJECTIVE>
EVIL ;pas
</ADJECTIVE>
ARNOR  [ARN]
ESTONIA_  [EST] ;tony
MOUSE= [MUS]
SYRI [SYR]
LORIEN  [ELR/GAL]
BOROMIR  [---]
NASGUL  [###]
ISILDUR  [+++]
AXNOR  [AR1 <911226] [AR2]
PRINCE DOL_AMROTH  [--- <950630] [DOL]
GOLLUM ; pas 27 Apr 03
+SMEAGOL
+SLINKER
\t[HOB < 950601]
\t[HOBGOV 950601 - 990815]
\t[HOBREB > 990816]
ZIMBABWE
\t[RHO <790606]
\t[ZBW];jw
~~FINISH
IGNORED [XXX]
";

#[test]
fn tabari_actor_table() {
    let mut l = Loader::new();
    l.actors(TABARI_ACTORS, "demo.actors", Dialect::Tabari);
    let (dict, errors) = l.finish();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!((dict.nouns.len(), dict.adjectives.len()), (1, 1));
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("ARNOR", "1995-01-01", Some("ARN")),
        ("ARNORIAN", "1995-01-01", Some("ARN")), // a stem
        ("ESTONIA'S", "1995-01-01", Some("EST")),
        ("ESTONIAS", "1995-01-01", Some("EST")),
        ("ESTONIAXS", "1995-01-01", None),
        ("MOUSE", "1995-01-01", Some("MUS")),
        ("MOUSES", "1995-01-01", None), // '=' forbids endings
        ("SYRIAN", "1995-01-01", Some("SYR")),
        ("LORIEN", "1995-01-01", Some("ELR/GAL")),
        ("BOROMIR", "1995-01-01", Some("---")),
        ("NASGUL", "1995-01-01", Some("###")),
        ("ISILDUR", "1995-01-01", Some("+++")),
        ("AXNOR", "1991-12-26", Some("AR1")),
        ("AXNOR", "1991-12-27", Some("AR2")),
        ("PRINCE OF DOL AMROTH", "1995-06-30", Some("---")),
        ("PRINCE OF DOL AMROTH", "1995-07-01", Some("DOL")),
        ("SMEAGOL", "1995-05-31", Some("HOB")),
        ("SLINKER", "1995-06-01", Some("HOB")), // the first satisfied restriction wins
        ("SLINKER", "1999-08-15", Some("HOBGOV")),
        ("GOLLUM", "2001-01-01", Some("HOBREB")),
        ("ZIMBABWE", "1978-12-23", Some("RHO")),
        ("ZIMBABWE", "2001-01-01", Some("ZBW")),
        ("IGNORED", "2001-01-01", None), // after ~~FINISH
    ];
    for (text, on, want) in cases {
        assert_eq!(
            actor_code(&dict, text, on).as_deref(),
            *want,
            "{text} on {on}"
        );
    }
}

#[test]
fn petrarch_actor_table() {
    let text = "\
<!-- a comment
over two lines -->
GONDOR [GON]
+MINAS_TIRITH
SAM_GAMGEE [HOB]  # default
\t[HOBCIV <20080120]
\t[ORCHOB 20100109-20100112] # listed first, wins over the next
\t[HOBMIL 20080120-20121109]
ITHILEN TELEVISION [ITHTV]
";
    let mut l = Loader::new();
    l.actors(text, "p.actors", Dialect::Petrarch);
    let (dict, errors) = l.finish();
    assert!(errors.is_empty(), "{errors:?}");
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("MINAS TIRITH", "2010-01-01", Some("GON")),
        ("GONDOR'S", "2010-01-01", Some("GON")),
        ("GONDORIAN", "2010-01-01", None), // whole words only
        ("SAM GAMGEE", "2008-01-19", Some("HOBCIV")),
        ("SAM GAMGEE", "2010-01-10", Some("ORCHOB")),
        ("SAM GAMGEE", "2010-01-13", Some("HOBMIL")),
        ("SAM GAMGEE", "2015-01-01", Some("HOB")),
        ("ITHILEN STATE RUN TELEVISION", "2015-01-01", Some("ITHTV")), // a short gap
    ];
    for (text, on, want) in cases {
        assert_eq!(
            actor_code(&dict, text, on).as_deref(),
            *want,
            "{text} on {on}"
        );
    }
}

#[test]
fn tabari_verbs_synsets_forms_and_codes() {
    let text = "\
<SYNSETS>
&CURRENCY
+DOLLAR
+KRONER_
+SWISS_FRANC
</SYNSETS>
<TIME>
YESTERDAY [-1]
TOMORROW [+1]
- * AND TOMORROW AND TOMORROW [+3]
</TIME>
ACT_ [100]
{ ACTING_ ACTXD_ ACTUALITY  }
- SAID WOULD * NOW  [101]
- * RESOLUTION  [102]
CONTRIBUT  [070]
- * &CURRENCY [903]
- * DOLLAR  [071]
MEET  [031:031]
SAID  [023?]
ATTEND  [031!]
ACCORD  [---]
";
    let mut l = Loader::new();
    l.verbs(text, "v.verbs", Dialect::Tabari);
    let (dict, errors) = l.finish();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(dict.synsets[0].members.len(), 3);
    let time: Vec<_> = dict
        .verbs
        .iter()
        .filter(|v| v.kind == VerbKind::Time)
        .collect();
    assert_eq!(time.len(), 2);
    let act = dict
        .verbs
        .iter()
        .find(|v| v.forms[0].display() == "ACT")
        .unwrap();
    assert_eq!(act.forms.len(), 4);
    assert!(act.forms[0].words[0].matches("ACTING") && !act.forms[0].words[0].matches("ACTUAL"));
    // Longest pattern first; "* &CURRENCY" counts no letters, so "* DOLLAR" comes first.
    let contribut = dict
        .verbs
        .iter()
        .find(|v| v.forms[0].display() == "CONTRIBUT")
        .unwrap();
    let order: Vec<&str> = dict.blocks[contribut.block as usize]
        .patterns
        .iter()
        .map(|p| p.code.code().unwrap())
        .collect();
    assert_eq!(order, ["071", "903"]);
    let code = |name: &str| {
        dict.verbs
            .iter()
            .find(|v| v.forms[0].display() == name)
            .unwrap()
            .code
            .clone()
    };
    assert!(matches!(code("MEET"), EventCode::Event { paired: Some(p), .. } if &*p == "031"));
    assert!(matches!(
        code("SAID"),
        EventCode::Event {
            subordinate: true,
            ..
        }
    ));
    assert!(matches!(
        code("ATTEND"),
        EventCode::Event { dominant: true, .. }
    ));
    assert_eq!(code("ACCORD"), EventCode::Null);
}

#[test]
fn petrarch_verbs_blocks_forms_and_synsets() {
    let text = "\
&NEGAUX
+DID N'T
+WILL NOT

--- BREAK [1717] ---
BREAK { BROKE BROKEN  }
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN +BROKEN_DOWN }
KLM_NOP_+RST [002]
+CALL_ON
WIRE_+TAP
- * TREATY [161]
- &NEGAUX * [---]
- * &LATER [999]

&LATER
+AFTERWARDS
";
    let mut l = Loader::new();
    l.verbs(text, "p.verbs", Dialect::Petrarch);
    let (dict, errors) = l.finish();
    assert!(errors.is_empty(), "{errors:?}");
    let forms: Vec<String> = dict
        .verbs
        .iter()
        .flat_map(|v| v.forms.iter().map(|f| f.display()))
        .collect();
    assert_eq!(
        forms,
        [
            "BREAK",
            "BROKE",
            "BROKEN",
            "BREAK_DOWN",
            "BREAKS_DOWN",
            "BROKE_DOWN",
            "BROKEN_DOWN",
            "KLM_NOP_RST",
            "CALL_ON",
            "WIRE_TAP"
        ]
    );
    // Without listed forms, the word '+' marks takes the regular endings
    // (PETRARCH's notes); with them, only the forms listed match.
    let call_on = &dict.verbs[3].forms[0].words;
    assert!(call_on[0].matches("CALLED") && call_on[0].matches("CALLS"));
    assert!(!call_on[1].matches("ONS"));
    let wiretap = &dict.verbs[4].forms[0].words;
    assert!(wiretap[1].matches("TAPPED") && !wiretap[0].matches("WIRES"));
    assert!(!dict.verbs[1].forms[0].words[0].matches("BREAKING"));
    let brk = &dict.verbs[0];
    assert!(brk.forms[0].words[0].matches("BREAKS") && brk.forms[0].words[0].matches("BREAKING"));
    assert!(!brk.forms[0].words[0].matches("BREAKES"));
    assert_eq!(dict.verbs[2].code.code(), Some("002"));
    // "DID N'T" is glued back as we tokenise raw text.
    let neg = dict.synsets.iter().find(|s| &*s.name == "NEGAUX").unwrap();
    assert!(
        matches!(&neg.members[0].0[0].elem, statecraft_dict::Elem::Word(w) if &*w.text == "DIDN'T")
    );
    assert_eq!(dict.blocks[0].patterns.len(), 3);
}

/// A pattern's comment names the verbs of its block it was written for;
/// other capitals there (coders' initials) are no verbs of the block.
#[test]
fn petrarch_patterns_remember_their_verbs() {
    let text = "\
--- OBTAIN [---] ---
GET {GETS GOT}
RECEIVE
WIN
- $ * + [046]  # RECEIVE <ELH 21 May 2008>
- * AID [070]  # GET <ab 31 Dec 2005> , WIN <oy 07 Dec 2005>
- * LOAN [071]  # OY 16 Mar 2006
- * TO + [020]  # WIN
- * + [---]

--- CRITICIZE [111] ---
CRITICIZE
CRITICISE
DENOUNCE
- $ * + [111]  # CRITICIZE <OY 14 Mar 2006>
";
    let mut l = Loader::new();
    l.verbs(text, "p.verbs", Dialect::Petrarch);
    let (dict, errors) = l.finish();
    assert!(errors.is_empty(), "{errors:?}");
    let written: Vec<(String, Vec<String>, bool)> = dict
        .blocks
        .iter()
        .flat_map(|b| &b.patterns)
        .map(|p| {
            let verbs = p
                .written_for
                .iter()
                .map(|&v| dict.verbs[v as usize].forms[0].display())
                .collect();
            (p.source.to_string(), verbs, p.bare())
        })
        .collect();
    let want = |p: &str, v: &[&str], a: bool| {
        (p.to_string(), v.iter().map(|w| w.to_string()).collect(), a)
    };
    for w in [
        want("$ * +", &["RECEIVE"], true),
        want("* AID", &["GET", "WIN"], false),
        want("* LOAN", &[], false),
        want("* TO +", &["WIN"], true),
        want("* +", &[], true),
        // The British spelling is the same verb.
        want("$ * +", &["CRITICIZE", "CRITICISE"], true),
    ] {
        assert!(written.contains(&w), "{w:?} not in {written:?}");
    }
}

/// Seats of government in the overlay: a name, a country and dates; a bad
/// line says where and what is wrong.
#[test]
fn overlay_seats() {
    let text = "\
seat: Khartoum SDN - -              # src: a gazetteer
seat: Addis Ababa ETH - -           # src: a gazetteer
seat: Rangoon MMR - 2005-11-05      # src: a gazetteer
seat: Bonn GERMANY - -              # src: a gazetteer
seat: Lagos NGA 1991-12-12          # src: a gazetteer
seat: Paris FRA - -
";
    let mut l = Loader::new();
    l.overlay(text, "s.overlay.txt");
    let (dict, errors) = l.finish();
    let names: Vec<(String, &str)> = dict
        .seats
        .iter()
        .map(|s| (s.phrase.display(), &*s.country))
        .collect();
    assert_eq!(
        names,
        [
            ("KHARTOUM".to_string(), "SDN"),
            ("ADDIS_ABABA".to_string(), "ETH"),
            ("RANGOON".to_string(), "MMR")
        ]
    );
    let date = |y, m, d| Date::from_ymd(y, m, d).unwrap();
    assert!(dict.seats[2].in_force(date(2005, 11, 5)));
    assert!(!dict.seats[2].in_force(date(2005, 11, 6)));
    let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(errors[0].starts_with("s.overlay.txt:4:") && errors[0].contains("GERMANY"));
    assert!(errors[1].starts_with("s.overlay.txt:5:"));
    assert!(errors[2].starts_with("s.overlay.txt:6:") && errors[2].contains("src"));
}

/// statecraft's own overlays read without a single error (the Phoenix
/// files have known flaws; ours have none).
#[test]
fn own_overlays_are_clean() {
    for (name, bytes) in statecraft_dict::BUNDLED_FILES {
        if !(name.starts_with("statecraft.") && name.ends_with(".overlay.txt")) {
            continue;
        }
        let mut l = Loader::new();
        l.overlay(&decode(bytes), name);
        let (dict, errors) = l.finish();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        assert!(!dict.actors.is_empty() || !dict.seats.is_empty(), "{name}");
    }
}

#[test]
fn agents_in_both_dialects() {
    let mut l = Loader::new();
    l.agents(
        "FOREIGN_MINISTER_  [ ~GOVFRM] ;jap\nHUMAN_RIGHTS_ACTIVISTS_ [ NGM~]\n",
        "t.agents",
        Dialect::Tabari,
    );
    l.agents(
        "!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nPOLICE {} [~COP]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\nCLERIC [~REL]\n",
        "p.agents",
        Dialect::Petrarch,
    );
    let (dict, errors) = l.finish();
    assert!(errors.is_empty(), "{errors:?}");
    let phrases: Vec<Vec<String>> = dict
        .agents
        .iter()
        .map(|a| a.phrases.iter().map(|p| p.display()).collect())
        .collect();
    assert_eq!(phrases[2], ["CONGRESSMAN", "CONGRESSMEN"]);
    assert_eq!(phrases[4], ["ATTORNEY_GENERAL", "ATTORNEYS_GENERAL"]);
    let police = &dict.agents[3].phrases[0].words[0];
    assert!(police.matches("POLICE'S") && !police.matches("POLICES"));
    let cleric = &dict.agents[5].phrases[0].words[0];
    assert!(cleric.matches("CLERICS"));
    assert_eq!(&*dict.agents[1].code.code, "NGM");
}

/// A later agents file (an overlay) replaces the same phrases of earlier
/// ones, and leaves the rest.
#[test]
fn later_agents_replace_earlier_phrases() {
    let mut l = Loader::new();
    l.agents(
        "!PERSON! = MAN, WOMAN\nSPOKES!PERSON! [~MED]\nCLERIC [~REL]\n",
        "base.agents",
        Dialect::Petrarch,
    );
    l.agents("SPOKESMAN [~GOV]\n", "overlay.agents", Dialect::Petrarch);
    let (dict, errors) = l.finish();
    assert!(errors.is_empty(), "{errors:?}");
    let roles: Vec<(String, String)> = dict
        .agents
        .iter()
        .flat_map(|a| {
            a.phrases
                .iter()
                .map(|p| (p.display(), a.code.code.to_string()))
        })
        .collect();
    assert_eq!(
        roles,
        [
            ("SPOKESWOMAN".to_string(), "MED".to_string()),
            ("CLERIC".to_string(), "REL".to_string()),
            ("SPOKESMAN".to_string(), "GOV".to_string()),
        ]
    );
}

#[test]
fn discards_and_issues() {
    let mut l = Loader::new();
    l.discards(
        "+World Golf Championships   # pas\nBASEBALL\nMONTHS LATER_\n",
        "d.txt",
    );
    l.issues(
        "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\nn:teacher [TEACHERS]\npre+k [EARLY]\n~get head start\neurozone\n</ISSUE>\n",
        "i.txt",
    );
    let (dict, errors) = l.finish();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(dict.discards[0].story && !dict.discards[1].story);
    assert!(dict.discards[1].phrase.words[0].matches("BASEBALLS")); // a stem
    assert!(!dict.discards[2].phrase.words[1].matches("LATERAL"));
    assert!(dict.issues[0].phrase.words[0].matches("TEACHERS"));
    assert_eq!(dict.issues[1].phrase.display(), "PRE_K");
    assert!(dict.issues[2].ignore);
    assert_eq!(&*dict.issues[3].code, "EDUCATION");
}

#[test]
fn malformed_lines_are_reported_with_file_and_line() {
    type Feed = fn(&mut Loader, &str);
    let cases: &[(Feed, &str, &str)] = &[
        (
            |l, t| {
                l.actors(t, "a", Dialect::Tabari);
            },
            "OK [A]\nBAD [GON\n",
            "a:2: missing ']' in code block",
        ),
        (
            |l, t| {
                l.actors(t, "a", Dialect::Tabari);
            },
            "X [A 9999-01-01]\n",
            "a:1: bad date restriction in [A 9999-01-01]",
        ),
        (
            |l, t| {
                l.actors(t, "a", Dialect::Petrarch);
            },
            "LONELY\n",
            "a:1: actor LONELY has no code",
        ),
        (
            |l, t| {
                l.verbs(t, "v", Dialect::Tabari);
            },
            "- * X [010]\n",
            "v:1: pattern before any verb",
        ),
        (
            |l, t| {
                l.verbs(t, "v", Dialect::Tabari);
            },
            "GO [010]\n- X Y [011]\n",
            "v:2: pattern has no verb marker '*'",
        ),
        (
            |l, t| {
                l.verbs(t, "v", Dialect::Tabari);
            },
            "GO [010]\n- * { A | B ] [011]\n",
            "v:2: '{' without a closing '}'",
        ),
        (
            |l, t| {
                l.verbs(t, "v", Dialect::Tabari);
            },
            "GO [010]\n- * &NOPE [011]\n",
            "v:2: undefined synset &NOPE",
        ),
        (
            |l, t| {
                l.verbs(t, "v", Dialect::Petrarch);
            },
            "GO\n",
            "v:1: verb before any '--- VERB [code] ---' block",
        ),
        (
            |l, t| {
                l.agents(t, "g", Dialect::Tabari);
            },
            "MINISTER [GOV]\n",
            "g:1: agent code \"GOV\" lacks a '~' or is malformed",
        ),
        (
            |l, t| {
                l.overlay(t, "o");
            },
            "actor: X\n",
            "o:1: missing '# src: <citation>' comment",
        ),
    ];
    for (feed, text, want) in cases {
        let mut l = Loader::new();
        feed(&mut l, text);
        let (_, errors) = l.finish();
        assert_eq!(
            errors.first().map(|e| e.to_string()).as_deref(),
            Some(*want),
            "{text:?}"
        );
    }
}

/// Every real dictionary file loads; the lines reported are the files' own
/// flaws (listed here so that a new error shows up as a failure).
#[test]
fn shared_dictionaries_load() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eventdata");
    if !root.exists() {
        if std::env::var_os("STATECRAFT_REQUIRE_SUITES").is_some_and(|v| v == "1") {
            panic!("../shared is required but missing");
        }
        eprintln!("skipped: ../shared not found");
        return;
    }
    type Feed = fn(&mut Loader, &str, &str);
    let tabari_actors: Feed = |l, t, f| {
        l.actors(t, f, Dialect::Tabari);
    };
    let tabari_verbs: Feed = |l, t, f| {
        l.verbs(t, f, Dialect::Tabari);
    };
    let tabari_agents: Feed = |l, t, f| {
        l.agents(t, f, Dialect::Tabari);
    };
    let options: Feed = |l, t, f| {
        l.options(t, f);
    };
    let p_actors: Feed = |l, t, f| {
        l.actors(t, f, Dialect::Petrarch);
    };
    let p_verbs: Feed = |l, t, f| {
        l.verbs(t, f, Dialect::Petrarch);
    };
    let p_agents: Feed = |l, t, f| {
        l.agents(t, f, Dialect::Petrarch);
    };
    let discards: Feed = |l, t, f| {
        l.discards(t, f);
    };
    let issues: Feed = |l, t, f| {
        l.issues(t, f);
    };
    // (file, reader, expected errors)
    let files: &[(&str, Feed, usize)] = &[
        ("tabari/TABARI.Demo.actors", tabari_actors, 0),
        ("tabari/TABARI.Demo.verbs", tabari_verbs, 0),
        ("tabari/Validate.agents", tabari_agents, 0),
        ("tabari/Validate.options", options, 0),
        ("tabari/CAMEO.091003.master.verbs", tabari_verbs, 16),
        ("petrarch/PETR.Validate.actors.txt", p_actors, 0),
        ("petrarch/PETR.Validate.verbs.txt", p_verbs, 0),
        ("petrarch/PETR.Validate.agents.txt", p_agents, 0),
        ("petrarch/PETR.Validate.discards.txt", discards, 0),
        ("dictionaries/Phoenix.Countries.actors.txt", p_actors, 8),
        ("dictionaries/Phoenix.International.actors.txt", p_actors, 4),
        ("dictionaries/Phoenix.MilNonState.actors.txt", p_actors, 0),
        ("dictionaries/Phoenix.agents.txt", p_agents, 2),
        ("dictionaries/Phoenix.discards.txt", discards, 0),
        ("dictionaries/Phoenix.IssueCoding.txt", issues, 3),
        ("dictionaries/CAMEO.verbpatterns.150430.txt", p_verbs, 6),
    ];
    for (name, feed, want) in files {
        let bytes = std::fs::read(root.join(name)).unwrap();
        let mut l = Loader::new();
        feed(&mut l, &decode(&bytes), name);
        let (_, errors) = l.finish();
        let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(errors.len(), *want, "{name}: {shown:#?}");
    }
}
