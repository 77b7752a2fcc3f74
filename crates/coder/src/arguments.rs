//! Stage `arguments` of the statecraft reading: who does what to whom, by
//! the dependency parse. For a predicate (a verb of the parse) it names the
//! words that act (the subject of an active verb, the `obl:agent` of a
//! passive), the words acted on (the object, the subject of a passive, an
//! oblique with its preposition) and the places where it happens ("in
//! Gaza", "near the Iraqi city"). A predicate without a subject of its own
//! takes it from the clause it depends on: a conjoined verb ("... and
//! killed"), a controlled complement ("urged Iran to stop": Iran), a
//! participle ("militants holding two hostages": the militants; "hostages
//! held by the group": the hostages are acted on), or a relative clause
//! ("the group that seized them": the group). Coordinated words share
//! their role ("Insurgents and American forces clashed").
//!
//! The stage reads only the tree; which of these words are actors is the
//! coder's business (see `Grammar::roles`).

use statecraft_syntax::{Parse, Upos};

/// What a word is to a predicate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// It acts.
    Agent,
    /// It is acted on; with the preposition that introduces it, if any.
    Patient(Option<String>),
    /// Where it happens; with the preposition that says so.
    Place(String),
}

/// A word of the parse and its role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Argument {
    pub word: usize,
    pub role: Role,
}

/// Prepositions of an oblique that says where ("fighting in Najaf").
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "throughout",
    "across",
    "around",
    "within",
    "outskirts",
];

/// Prepositions of an oblique that says when or in spite of what ("a day
/// after the U.S. sanctioned Bosnian Serbs", "took over as head of the
/// CIS"): circumstances, never the one acted on. They count as places,
/// so that no rule takes their actor for a participant.
const CIRCUMSTANTIAL: &[&str] = &[
    "after",
    "before",
    "during",
    "since",
    "until",
    "till",
    "despite",
    "amid",
    "amidst",
    "as",
    "like",
    "unlike",
    "following",
    "ahead of",
    "because of",
    "due to",
    "instead of",
];

/// Verbs (lemmas) that judge an act someone else did, and so act on
/// whoever did it: "Jordan condemned the Israeli raid" is Jordan's
/// criticism of Israel.
pub(crate) const JUDGEMENTS: &[&str] = &[
    "condemn",
    "denounce",
    "criticize",
    "criticise",
    "deplore",
    "decry",
    "protest",
    "welcome",
    "praise",
    "hail",
    "applaud",
];

/// Verbs (lemmas) that answer an act with one of their own, coded by
/// their own patterns: "Iran rejected the criticism", "France demanded
/// the release of ...".
pub(crate) const RESPONSES: &[&str] = &[
    "reject",
    "deny",
    "oppose",
    "support",
    "back",
    "investigate",
    "probe",
    "demand",
    "avenge",
];

/// Verbs (lemmas) that tell of, face or weigh an act someone else did:
/// "confirmed the attack", "survived the blast", "described the raid".
const ACCOUNTS: &[&str] = &[
    "blame", "report", "confirm", "witness", "survive", "mourn", "fear", "expect", "predict",
    "discuss", "cover", "describe", "call",
];

/// Whether a verb (by its lemma) judges, answers or tells of an act
/// someone else did: whoever condemns a killing, investigates an attack
/// or welcomes a visit did not do it.
pub(crate) fn reaction(lemma: &str) -> bool {
    [JUDGEMENTS, RESPONSES, ACCOUNTS]
        .iter()
        .any(|l| l.contains(&lemma))
}

/// Relative pronouns, which stand for the noun their clause modifies.
const RELATIVE: &[&str] = &["who", "whom", "which", "that"];

/// Whether `form` is a relative pronoun.
pub(crate) fn relative_pronoun(form: &str) -> bool {
    RELATIVE.contains(&form.to_lowercase().as_str())
}

/// How far a predicate without a subject looks up for one.
const MAX_CLIMB: usize = 4;

/// The arguments of the predicate at word `v`, in order of preference:
/// the predicate's own, then those of its object's nouns ("held talks with
/// the rebels"), then inherited ones; coordinated words follow the word
/// they are coordinated with.
pub(crate) fn arguments(p: &Parse, v: usize) -> Vec<Argument> {
    if matches!(p.words()[v].upos, Upos::Noun | Upos::Propn) {
        return coordinate(p, nominal(p, v));
    }
    let mut out = own(p, v);
    // "held talks with the rebels", "launched an attack on the base": the
    // object's own prepositional modifiers are the predicate's too.
    let objects: Vec<usize> = out
        .iter()
        .filter(|a| a.role == Role::Patient(None))
        .map(|a| a.word)
        .collect();
    for o in objects {
        for d in p.dependents(o) {
            if p.words()[d].deprel.split(':').next() == Some("nmod") {
                if let Some(case) = case_of(p, d).filter(|c| *c != "of") {
                    out.push(Argument {
                        word: d,
                        role: oblique(&case, false),
                    });
                }
            }
        }
    }
    // "were killed in a raid by Israeli troops": a passive's agent named
    // by the event noun it happened in.
    if is_passive(p, v) && !out.iter().any(|a| a.role == Role::Agent) {
        let w = p.words();
        let by = p
            .dependents(v)
            .filter(|&d| w[d].deprel.split(':').next() == Some("obl"))
            .flat_map(|d| p.dependents(d))
            .find(|&e| w[e].deprel.split(':').next() == Some("nmod") && by_phrase(p, e));
        if let Some(e) = by {
            // First: the phrase it sits in is no place of this act.
            out.insert(
                0,
                Argument {
                    word: e,
                    role: Role::Agent,
                },
            );
        }
    }
    out.extend(modified(p, v, &out));
    if !out.iter().any(|a| a.role == Role::Agent) {
        out.extend(inherited(p, v));
    }
    coordinate(p, out)
}

/// The predicate's own dependents that take part.
fn own(p: &Parse, v: usize) -> Vec<Argument> {
    let w = p.words();
    let passive = is_passive(p, v);
    let reduced = reduced_relative(p, v);
    let mut out = Vec::new();
    for d in p.dependents(v) {
        if RELATIVE.contains(&w[d].form.to_lowercase().as_str()) && w[d].upos == Upos::Pron {
            // Stands for the noun its clause modifies (see `modified`).
            continue;
        }
        let role = match w[d].deprel {
            "nsubj" if reduced => Role::Patient(None),
            "nsubj" | "nsubj:outer" => Role::Agent,
            "nsubj:pass" | "obj" | "iobj" => Role::Patient(None),
            // An agent phrase without "by" is an object misread.
            "obl:agent" if by_phrase(p, d) => Role::Agent,
            "obl:agent" => Role::Patient(None),
            rel if rel.split(':').next() == Some("obl") => match case_of(p, d) {
                Some(case) => oblique(&case, passive),
                None => continue,
            },
            _ => continue,
        };
        out.push(Argument { word: d, role });
    }
    // "killed himself and a 12-year-old girl": the parser may hang a noun
    // conjoined to the object on the verb itself. A verb is never
    // coordinated with a bare noun, so that noun is another object.
    if out.iter().any(|a| w[a.word].deprel == "obj") {
        for d in p.dependents(v) {
            if w[d].deprel == "conj" && stray_conjunct(p, d) {
                out.push(Argument {
                    word: d,
                    role: Role::Patient(None),
                });
            }
        }
    }
    out
}

/// Whether the conjunct `d` of a verb is a bare noun phrase: a noun or
/// pronoun after a coordinating conjunction, with no subject, copula or
/// auxiliary of its own (which would make it a clause) and no preposition
/// (which would make it an oblique: "consulted X and with Y").
fn stray_conjunct(p: &Parse, d: usize) -> bool {
    let w = p.words();
    matches!(w[d].upos, Upos::Noun | Upos::Propn | Upos::Pron)
        && p.dependents(d).any(|e| w[e].deprel == "cc")
        && !p.dependents(d).any(|e| {
            matches!(
                w[e].deprel.split(':').next(),
                Some("nsubj" | "cop" | "aux" | "csubj" | "case" | "mark")
            )
        })
}

/// Nouns (lemmas) of what one party addresses to another, whose "from"
/// phrase is the party that sends it: "criticism from the U.S.",
/// "pressure from Washington", "a warning from Pyongyang" (where
/// "withdrawal from Gaza" or "release from prison" is a place).
const SENT_FROM: &[&str] = &[
    "criticism",
    "condemnation",
    "rebuke",
    "pressure",
    "support",
    "aid",
    "assistance",
    "protest",
    "threat",
    "warning",
    "demand",
    "appeal",
    "call",
    "accusation",
    "praise",
    "objection",
    "opposition",
    "invitation",
    "offer",
    "request",
    "response",
];

/// The participants of an eventive noun: "Blair's visit to Khartoum",
/// "talks between Khartoum and the rebels", "the attack on the base by
/// militants", "a U.S. attack". Its owner, a "by" or "between" phrase, or
/// a modifier before it acts; its other prepositional modifiers are acted
/// on, or say where.
fn nominal(p: &Parse, n: usize) -> Vec<Argument> {
    let w = p.words();
    let mut out = Vec::new();
    for d in p.dependents(n) {
        let rel = w[d].deprel;
        let role = match rel.split(':').next() {
            Some("nmod") if rel == "nmod:poss" => Role::Agent,
            Some("nmod") if topic(p, d) => continue,
            Some("nmod") => match case_of(p, d) {
                Some(c) if matches!(c.as_str(), "by" | "between" | "among") => Role::Agent,
                Some(c)
                    if c == "from" && SENT_FROM.contains(&w[n].lemma.to_lowercase().as_str()) =>
                {
                    Role::Agent
                }
                Some(c) => oblique(&c, false),
                None => continue,
            },
            Some("compound" | "amod") => Role::Agent,
            _ => continue,
        };
        out.push(Argument { word: d, role });
    }
    // "Yangon's rights record and detention of Suu Kyi": a conjoined noun
    // with no determiner of its own shares its first conjunct's owner.
    let own_det = p.dependents(n).any(|d| w[d].deprel == "det");
    if !own_det && w[n].deprel == "conj" && !out.iter().any(|a| a.role == Role::Agent) {
        let owner = p
            .head(n)
            .and_then(|h| p.dependents(h).find(|&d| w[d].deprel == "nmod:poss"));
        if let Some(o) = owner {
            out.insert(
                0,
                Argument {
                    word: o,
                    role: Role::Agent,
                },
            );
        }
    }
    // "condemned the bombing of the camp by Chadian aircraft": an active
    // verb has no agent phrase, so a "by" phrase the parse hangs on it
    // belongs to its object, the act (a common attachment error).
    if w[n].deprel == "obj" && !out.iter().any(|a| a.role == Role::Agent) {
        if let Some(h) = p.head(n).filter(|&h| !is_passive(p, h)) {
            let by = p.dependents(h).find(|&d| {
                d > n && w[d].deprel.split(':').next() == Some("obl") && by_phrase(p, d)
            });
            if let Some(d) = by {
                out.insert(
                    0,
                    Argument {
                        word: d,
                        role: Role::Agent,
                    },
                );
            }
        }
    }
    // "Musharraf kicked off a visit to Italy", "troops mounted a raid on
    // the camp": the object of a verb is done by the verb's subject, unless
    // the noun names its own agent (a modifier before it, "a three-day
    // visit", may name none).
    let named_agent = out
        .iter()
        .any(|a| a.role == Role::Agent && !matches!(w[a.word].deprel, "compound" | "amod"));
    if !named_agent && w[n].deprel == "obj" {
        if let Some(h) = p.head(n).filter(|&h| !reaction(&w[h].lemma)) {
            let mut agents: Vec<Argument> = own(p, h)
                .into_iter()
                .filter(|a| a.role == Role::Agent)
                .collect();
            if agents.is_empty() {
                agents = inherited(p, h);
            }
            out.splice(0..0, agents);
        }
    }
    out
}

/// The role of an oblique by its preposition.
fn oblique(case: &str, passive: bool) -> Role {
    if case == "by" && passive {
        Role::Agent
    } else if LOCATIVE.contains(&case) || CIRCUMSTANTIAL.contains(&case) {
        Role::Place(case.to_string())
    } else {
        Role::Patient(Some(case.to_string()))
    }
}

/// The noun a participle or relative clause headed by `v` modifies, in
/// its role there: "the militants holding two hostages" (they act),
/// "hostages held by the group" (they are acted on), "the group that
/// seized them" (the relative pronoun's role). Nothing when the role is
/// already filled in `args`.
fn modified(p: &Parse, v: usize, args: &[Argument]) -> Option<Argument> {
    let w = p.words();
    let h = p.head(v)?;
    let role = match w[v].deprel {
        "acl" if is_passive(p, v) => Role::Patient(None),
        // "a tour to discuss trade": an infinitive's subject is not the
        // noun it modifies; "Rwanda's threat to launch strikes", "the
        // possibility of establishing ties", "Korea's interest in
        // assisting": an infinitive, or a gerund after a preposition, is
        // done by the noun's owner, if it names one.
        "acl" if w[v].xpos == "VB" || p.dependents(v).any(|d| w[d].deprel == "mark") => {
            let owner = p.dependents(h).find(|&d| w[d].deprel == "nmod:poss")?;
            return (!args.iter().any(|a| a.role == Role::Agent)).then_some(Argument {
                word: owner,
                role: Role::Agent,
            });
        }
        "acl" => Role::Agent,
        "acl:relcl" => relative(p, v)?,
        _ => return None,
    };
    // "Bush and his rival, Senator Kerry, clashed": a misread main verb
    // hangs on the last conjunct; its subject is the whole coordination.
    let h = if main_verb_misread(p, v) {
        first_conjunct(p, h)
    } else {
        h
    };
    let filled = args.iter().any(|a| a.role == role);
    (!filled).then_some(Argument { word: h, role })
}

/// The subject the verb at word `v` takes from a verb it is coordinated
/// with or modifies, where it has none of its own ("a bomber blew himself
/// up and killed five": the bomber).
pub(crate) fn inherited_agent(p: &Parse, v: usize) -> Option<usize> {
    if p.words()[v].upos != Upos::Verb || own(p, v).iter().any(|a| a.role == Role::Agent) {
        return None;
    }
    inherited(p, v)
        .into_iter()
        .find(|a| a.role == Role::Agent)
        .map(|a| a.word)
}

/// Participants a predicate without a subject takes from above it.
fn inherited(p: &Parse, v: usize) -> Vec<Argument> {
    let w = p.words();
    let mut at = v;
    for _ in 0..MAX_CLIMB {
        let Some(mut h) = p.head(at) else {
            return Vec::new();
        };
        let rel = w[at].deprel;
        // A verb conjoined to the previous verb's object ("seizing a woman
        // and holding a man", misparsed with "holding" under "woman") is
        // that verb's conjunct.
        if rel == "conj"
            && w[at].upos == Upos::Verb
            && matches!(w[h].upos, Upos::Noun | Upos::Propn | Upos::Pron)
        {
            match p.head(h) {
                Some(g) if w[g].upos == Upos::Verb && w[h].deprel == "obj" => h = g,
                _ => return Vec::new(),
            }
        }
        match rel {
            // "urged Iran to stop": the object controls; else the subject.
            "xcomp" => {
                // "called on Sudan to disarm", "prevailed upon them to":
                // an "on" oblique controls like an object.
                let controls = |d: usize| matches!(w[d].deprel, "obj" | "iobj") || called_on(p, d);
                if let Some(o) = p.dependents(h).find(|&d| controls(d)) {
                    return vec![Argument {
                        word: o,
                        role: Role::Agent,
                    }];
                }
            }
            // The same misparsed as a purpose clause: "called on Sudan
            // to disarm" read as "[in order] to disarm".
            "advcl" if w[at].xpos == "VB" => {
                if let Some(o) = p.dependents(h).find(|&d| called_on(p, d)) {
                    return vec![Argument {
                        word: o,
                        role: Role::Agent,
                    }];
                }
            }
            "conj" | "advcl" | "acl" => {}
            _ => return Vec::new(),
        }
        let agents: Vec<Argument> = own(p, h)
            .into_iter()
            .filter(|a| a.role == Role::Agent)
            .collect();
        if !agents.is_empty() {
            // A passive verb conjoined to an active one ("attacked and
            // was wounded") does not share its subject's role.
            if rel == "conj" && is_passive(p, at) != is_passive(p, h) {
                return Vec::new();
            }
            return agents;
        }
        at = h;
    }
    Vec::new()
}

/// The role the noun a relative clause (headed by `v`) modifies plays in
/// it, from its relative pronoun.
fn relative(p: &Parse, v: usize) -> Option<Role> {
    let w = p.words();
    p.dependents(v).find_map(|d| {
        if !RELATIVE.contains(&w[d].form.to_lowercase().as_str()) {
            return None;
        }
        match w[d].deprel {
            "nsubj" => Some(Role::Agent),
            "nsubj:pass" | "obj" => Some(Role::Patient(None)),
            _ => None,
        }
    })
}

/// Whether nominal `n` is introduced by "by" (an agent phrase; an
/// `obl:agent` without it is an object the parser misread).
fn by_phrase(p: &Parse, n: usize) -> bool {
    case_of(p, n).as_deref() == Some("by")
}

/// Whether `d` is an "on" or "upon" oblique ("called on Sudan"), which
/// controls a complement like an object.
fn called_on(p: &Parse, d: usize) -> bool {
    // Only a verb of calling upon ("appeared on television to denounce"
    // is no appeal to the television).
    let calls = p.head(d).is_some_and(|h| {
        matches!(
            p.words()[h].lemma.to_lowercase().as_str(),
            "call" | "prevail"
        )
    });
    calls
        && p.words()[d].deprel.split(':').next() == Some("obl")
        && matches!(case_of(p, d).as_deref(), Some("on" | "upon"))
}

/// The preposition introducing a nominal (its `case` dependent, lower
/// case; multiword ones joined: "because of").
fn case_of(p: &Parse, n: usize) -> Option<String> {
    let w = p.words();
    let parts: Vec<String> = p
        .dependents(n)
        .filter(|&d| w[d].deprel == "case" || w[d].deprel == "fixed")
        .map(|d| w[d].form.to_lowercase())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Whether the nominal `n` is introduced by the preposition `case`.
pub(crate) fn case_is(p: &Parse, n: usize, case: &str) -> bool {
    case_of(p, n).as_deref() == Some(case)
}

/// Whether the nominal `n` is introduced by a preposition of time or
/// circumstance ("after the attack", "despite the ban").
pub(crate) fn circumstantial_phrase(p: &Parse, n: usize) -> bool {
    case_of(p, n).is_some_and(|c| CIRCUMSTANTIAL.contains(&c.as_str()))
}

/// Whether the nominal `n` is introduced by a locative preposition ("in
/// Baghdad").
pub(crate) fn locative_phrase(p: &Parse, n: usize) -> bool {
    case_of(p, n).is_some_and(|c| LOCATIVE.contains(&c.as_str()))
}

/// Compass points, whose "of X" gives a bearing from X ("north of
/// Baghdad"); the parse splits "north-east" at its hyphen, leaving "east".
const BEARINGS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Whether the nominal `n` is introduced by "of" and hangs from a compass
/// point: "north of Baghdad".
pub(crate) fn bearing_phrase(p: &Parse, n: usize) -> bool {
    case_is(p, n, "of")
        && p.head(n)
            .is_some_and(|h| BEARINGS.contains(&p.words()[h].form.to_lowercase().as_str()))
}

/// Whether `v` is a passive verb: one with a passive subject or auxiliary,
/// or a past participle modifying a noun ("hostages held by the group").
pub(crate) fn is_passive(p: &Parse, v: usize) -> bool {
    let w = &p.words()[v];
    // A participle with an object of its own is active ("Assad hosted
    // Khatami" misparsed as a participle modifying "Assad").
    // (An agent phrase without "by" is such an object misread.)
    let object = || {
        p.dependents(v).any(|d| match p.words()[d].deprel {
            "obj" => true,
            "obl:agent" => !by_phrase(p, d),
            _ => false,
        })
    };
    (w.xpos == "VBN" && w.deprel == "acl" && !main_verb_misread(p, v) && !object())
        || reduced_relative(p, v)
        || p.dependents(v)
            .any(|d| matches!(p.words()[d].deprel, "nsubj:pass" | "aux:pass"))
}

/// Whether `v` is a participle the parse made the verb of its noun,
/// where the noun is what it modifies: "A militant leader linked to
/// al-Qaeda said ..." read as "[the] leader linked ...". A past participle
/// with a subject, no auxiliary and no object is no finite verb where a
/// verb after it governs it, or is a finite verb it governs with no
/// subject of its own ("... linked to al-Qaeda condemned Ethiopia"): its
/// "subject" is acted on.
fn reduced_relative(p: &Parse, v: usize) -> bool {
    let w = p.words();
    if w[v].xpos != "VBN" {
        return false;
    }
    let mut subject = false;
    for d in p.dependents(v) {
        match w[d].deprel.split(':').next() {
            Some("nsubj") => subject = true,
            Some("aux" | "obj" | "iobj" | "cop") => return false,
            _ => {}
        }
    }
    let finite = |x: usize| matches!(w[x].xpos, "VBD" | "VBZ" | "VBP");
    let governed = p.head(v).is_some_and(|h| h > v && w[h].upos == Upos::Verb);
    let governs = || {
        p.dependents(v).any(|d| {
            d > v
                && finite(d)
                && !p
                    .dependents(d)
                    .any(|e| w[e].deprel.split(':').next() == Some("nsubj"))
        })
    };
    subject && (governed || governs())
}

/// Whether `v`, parsed as a participle modifying the root noun, is the
/// sentence's main verb in the past tense: "Rebels and government troops
/// clashed near the town" read as "troops [who were] clashed". A sentence
/// whose root is a noun has no other verb to be its predicate; a real
/// participle of a headline ("Hostages held by rebels") names its agent.
/// The participle may hang on the root's last conjunct ("Bush and his
/// rival, Senator Kerry, clashed").
fn main_verb_misread(p: &Parse, v: usize) -> bool {
    let w = p.words();
    let Some(h) = p.head(v) else {
        return false;
    };
    let h = first_conjunct(p, h);
    w[v].xpos == "VBN"
        && w[v].deprel == "acl"
        && w[h].deprel == "root"
        && matches!(w[h].upos, Upos::Noun | Upos::Propn | Upos::Pron | Upos::Adj)
        && !p.dependents(v).any(|d| by_phrase(p, d))
}

/// The first of the conjuncts the word at `n` belongs to ("Kerry" in
/// "Bush and Kerry": "Bush"); `n` itself when it is no conjunct.
pub(crate) fn first_conjunct(p: &Parse, mut n: usize) -> usize {
    while p.words()[n].deprel == "conj" {
        match p.head(n) {
            Some(h) if h != n => n = h,
            _ => break,
        }
    }
    n
}

/// Adds the words coordinated with each argument, with its role, right
/// after it.
fn coordinate(p: &Parse, args: Vec<Argument>) -> Vec<Argument> {
    let w = p.words();
    let mut out: Vec<Argument> = Vec::with_capacity(args.len());
    for a in args {
        let mut stack = vec![a.word];
        let role = a.role;
        while let Some(x) = stack.pop() {
            if out.iter().any(|o| o.word == x) {
                continue;
            }
            out.push(Argument {
                word: x,
                role: role.clone(),
            });
            let conjuncts: Vec<usize> = p
                .dependents(x)
                .filter(|&d| w[d].deprel == "conj" && w[d].upos != Upos::Verb)
                .collect();
            stack.extend(conjuncts.into_iter().rev());
        }
    }
    out
}

/// Whether a word names a time ("Monday", "September", "yesterday"): the
/// parser sometimes reads one as a subject or object.
pub(crate) fn is_time(word: &str) -> bool {
    const RELATIVE: &[&str] = &[
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "week",
        "month",
        "year",
        "day",
        "night",
        "morning",
        "evening",
        "weekend",
    ];
    let lower = word.to_lowercase();
    statecraft_text::weekday_from_name(&lower).is_some()
        || statecraft_types::MONTH_NAMES.contains(&lower.as_str())
        || RELATIVE.contains(&lower.as_str())
}

/// Whether the actor of word `d` may stand for its head: "the leader of
/// Hamas", "Iraq's government", "U.S. troops"; not "a day after the U.S.
/// government ..." (a circumstance).
pub(crate) fn descends(p: &Parse, d: usize) -> bool {
    let rel = p.words()[d].deprel.split(':').next();
    matches!(
        rel,
        Some("nmod" | "compound" | "amod" | "flat" | "appos" | "det" | "nummod")
    ) && !(rel == Some("nmod") && (circumstantial_phrase(p, d) || topic(p, d)))
}

/// Nouns (lemmas) of texts, measures and gatherings that speak or act for
/// their authors: "a statement accusing the government", "resolutions
/// sanctioning Morocco", "a demonstration calling for his resignation"
/// are their authors' acts.
pub(crate) const DOCUMENTS: &[&str] = &[
    "statement",
    "resolution",
    "report",
    "letter",
    "declaration",
    "communique",
    "post",
    "message",
    "note",
    "memo",
    "bill",
    "law",
    "decree",
    "order",
    "ruling",
    "verdict",
    "editorial",
    "article",
    "appeal",
    "petition",
    "motion",
    "plan",
    "proposal",
    "warning",
    "alert",
    "video",
    "speech",
    "indictment",
    "complaint",
    "lawsuit",
    "suit",
    "demonstration",
    "protest",
    "rally",
    "march",
    "campaign",
];

/// Nouns (lemmas) of talking and agreeing, whose "on", "about" or "over"
/// phrase is what is talked about, not who takes part: "talks on
/// Pyongyang's ambitions", "an agreement on Iraq".
const DISCUSSION: &[&str] = &[
    "talk",
    "talks",
    "negotiation",
    "discussion",
    "dialogue",
    "meeting",
    "summit",
    "conference",
    "consultation",
    "agreement",
    "deal",
    "accord",
    "treaty",
    "resolution",
    "debate",
    "dispute",
    "row",
];

/// Whether nominal `d` is the subject matter of the noun of talking or
/// agreeing it modifies ([`DISCUSSION`]).
fn topic(p: &Parse, d: usize) -> bool {
    let w = p.words();
    case_of(p, d).is_some_and(|c| {
        matches!(
            c.as_str(),
            "on" | "about" | "over" | "regarding" | "concerning"
        )
    }) && p
        .head(d)
        .is_some_and(|h| DISCUSSION.contains(&w[h].lemma.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each case: a sentence, its predicate, and its arguments as
    /// `form:role` (A agent, P patient, P/with a patient with "with",
    /// L a place).
    const CASES: &[(&str, &str, &str)] = &[
        (
            "Sudan blamed the United States for the failure of the talks.",
            "blamed",
            "Sudan:A States:P failure:P/for",
        ),
        (
            "Insurgents and American forces clashed briefly Thursday near the Iraqi city.",
            "clashed",
            "Insurgents:A forces:A city:L",
        ),
        (
            "The village was attacked by rebels on Monday.",
            "attacked",
            "village:P rebels:A",
        ),
        (
            "Rebel leaders held talks with African Union mediators in Abuja.",
            "held",
            "leaders:A talks:P Abuja:L mediators:P/with",
        ),
        (
            "The militants holding two hostages demanded a ransom.",
            "holding",
            "hostages:P militants:A",
        ),
        (
            "The hostages held by the group were freed.",
            "held",
            "group:A hostages:P",
        ),
        (
            "Britain urged Iran to stop enriching uranium.",
            "stop",
            "Iran:A",
        ),
        (
            "Rebels and government troops clashed near the town.",
            "clashed",
            "town:L Rebels:A troops:A",
        ),
        (
            "The militants who kidnapped two aid workers released a video.",
            "kidnapped",
            "workers:P militants:A",
        ),
        (
            "Blair's visit to Khartoum angered Washington.",
            "visit",
            "Blair:A Khartoum:P/to",
        ),
        (
            "Peace talks between Israel and Syria resumed in Washington.",
            "talks",
            "Peace:A Israel:A Syria:A",
        ),
        (
            "Israeli troops stormed the camp and killed three gunmen.",
            "killed",
            "gunmen:P troops:A",
        ),
    ];

    fn render(p: &Parse, args: &[Argument]) -> String {
        args.iter()
            .map(|a| {
                let role = match &a.role {
                    Role::Agent => "A".to_string(),
                    Role::Patient(None) => "P".to_string(),
                    Role::Patient(Some(c)) => format!("P/{c}"),
                    Role::Place(_) => "L".to_string(),
                };
                format!("{}:{role}", p.words()[a.word].form)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn arguments_by_the_tree() {
        let mut wrong = Vec::new();
        for &(sentence, verb, want) in CASES {
            let p = statecraft_syntax::parse(sentence);
            let v = p.words().iter().position(|w| w.form == verb).unwrap();
            let got = render(&p, &arguments(&p, v));
            if got != want {
                wrong.push(format!("{sentence}\n  want {want}\n  got  {got}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
