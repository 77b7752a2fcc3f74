//! Stage `grammar` of the statecraft reading: the tags and dependency
//! parse of a sentence ([`statecraft_syntax`]), seen through the coder's
//! tokens.
//!
//! The coder's tokens (TABARI-style: upper case, hyphens split, character
//! offsets) and the parser's words (UD tokenisation, byte offsets) cut the
//! text differently; each token is given the word that overlaps it most,
//! so the dictionary's matches can ask what the tags and the parse say of
//! them.

use crate::arguments::{Role, JUDGEMENTS, RESPONSES};
use statecraft_syntax::{Parse, Tagged, Tagging, Upos};
use statecraft_text::Token;
use std::cell::OnceCell;

/// A sentence's tags, and its parse when asked for, indexed by the coder's
/// tokens. Tagging costs a fifth of parsing, and most questions are
/// answered by the tags, so the parse is made only when one needs it.
pub(crate) struct Grammar<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// The sentence tagged, kept so that the parse does not tag it again.
    tagging: Tagging<'a>,
    /// The tagged word under each token, if one overlaps it.
    word_of: Vec<Option<usize>>,
    parse: OnceCell<(Parse, Vec<Option<usize>>)>,
}

impl<'a> Grammar<'a> {
    /// Tags `text` (one sentence) and aligns the tags with `toks`.
    pub(crate) fn new(text: &'a str, toks: &'a [Token]) -> Grammar<'a> {
        let tagging = statecraft_syntax::Model::builtin().tagging(text);
        let word_of = align(text, toks, tagging.tags().iter().map(|t| (t.start, t.end)));
        Grammar {
            text,
            toks,
            tagging,
            word_of,
            parse: OnceCell::new(),
        }
    }

    /// The parse, if a question has already asked for it: stage `places`
    /// reads it instead of parsing the sentence again.
    pub(crate) fn into_parse(self) -> Option<Parse> {
        self.parse.into_inner().map(|(parse, _)| parse)
    }

    /// The sentence's tags, one per word.
    fn tags(&self) -> &[Tagged] {
        self.tagging.tags()
    }

    /// The parse, and the parse's word under each token.
    fn parse(&self) -> &(Parse, Vec<Option<usize>>) {
        self.parse.get_or_init(|| {
            let parse = self.tagging.parse();
            let words = align(
                self.text,
                self.toks,
                parse.words().iter().map(|w| (w.start, w.end)),
            );
            (parse, words)
        })
    }

    /// Whether the parse makes the token `t` a finite verb with a subject
    /// of its own ("The group said", "a man ... killed himself").
    pub(crate) fn finite_verb(&self, t: usize) -> bool {
        let Some((parse, w)) = self.parsed(t) else {
            return false;
        };
        let words = parse.words();
        words[w].upos == Upos::Verb
            && matches!(words[w].xpos, "VBD" | "VBZ" | "VBP")
            && parse
                .dependents(w)
                .any(|d| words[d].deprel.starts_with("nsubj"))
    }

    /// Whether the parse reads token `t` as something other than a
    /// predicate: a name, adjective, number or function word (the "State"
    /// of "Islamic State", "moderate"), or a noun that is a participant
    /// (subject, object, modifier: "Russian forces attacked", "the
    /// allies") and does not name an event ("talks", "negotiations",
    /// "visit"). Verbs and auxiliaries are predicates, and so is a noun
    /// the parse makes the head of a clause ("plans" misread as a noun at
    /// the root); a token the tagger does not cover is given the benefit of
    /// the doubt.
    pub(crate) fn not_a_verb(&self, t: usize) -> bool {
        let Some(w) = self.word_of.get(t).copied().flatten() else {
            return false;
        };
        let tag = self.tags()[w];
        match tag.upos {
            // "work including uranium enrichment", "according to": a
            // participle the parse makes a preposition.
            // "US-led forces", "rebel-held towns": a participle after a
            // hyphen, modifying a noun, names no event.
            Upos::Verb => {
                let (parse, word_of) = self.parse();
                let words = parse.words();
                word_of.get(t).copied().flatten().is_some_and(|w| {
                    matches!(words[w].deprel, "case" | "mark")
                        || (words[w].deprel == "amod" && w >= 1 && words[w - 1].form == "-")
                })
            }
            Upos::Aux => false,
            Upos::Noun => {
                let (parse, word_of) = self.parse();
                let word = word_of.get(t).copied().flatten().map(|w| &parse.words()[w]);
                // "an aid worker": a noun modifying a noun names no event,
                // eventive or not.
                if word.is_some_and(|w| w.upos == Upos::Noun && w.deprel == "compound") {
                    return true;
                }
                if eventive(&self.text[tag.start..tag.end]) {
                    return false;
                }
                word.is_some_and(|word| word.upos != Upos::Verb && participant(word.deprel))
            }
            _ => true,
        }
    }
}

/// Adjectives that condemn what they are said of: "unfair",
/// "illegal", "scandalous".
const CENSURE: &[&str] = &[
    "unfair",
    "unjust",
    "unacceptable",
    "illegal",
    "unlawful",
    "illegitimate",
    "scandalous",
    "outrageous",
    "shameful",
    "disgraceful",
    "irresponsible",
    "wrong",
    "provocative",
    "reckless",
    "counterproductive",
    "hypocritical",
    "absurd",
    "ridiculous",
    "baseless",
    "groundless",
    "biased",
    "one-sided",
    "deplorable",
    "unwarranted",
    "unjustified",
    "unconstitutional",
    "undemocratic",
    "fraudulent",
    "rigged",
    "invalid",
    "criminal",
    "barbaric",
    "unhelpful",
    "misguided",
    "arrogant",
    "insulting",
];

/// Words that make a clause a condition (upper case, as the coder's
/// tokens); the first two also make one of the clause they modify ("will
/// withdraw if talks fail"), where "whether" does not.
pub(crate) const CONDITIONS: &[&str] = &["IF", "UNLESS", "WHETHER"];

/// Verbs (lemmas) that report what someone else did: "said", "told",
/// "reported".
const REPORTING: &[&str] = &[
    "say", "tell", "report", "announce", "claim", "add", "state", "confirm", "allege", "insist",
    "reveal", "write", "quote", "believe", "think",
];

/// Verbs (lemmas) of asking someone to do something: what they ask is
/// no deed of the one asked.
const APPEALS: &[&str] = &[
    "ask",
    "urge",
    "call",
    "press",
    "appeal",
    "encourage",
    "invite",
    "request",
    "implore",
    "exhort",
    "pressure",
    "beg",
    "tell",
];

/// Verbs (lemmas) that say what a subject is, has or seems: what is said
/// of it with them is a comment on it.
const COPULAR: &[&str] = &["be", "have", "remain", "seem", "appear"];

/// Verbs (lemmas) beside [`COPULAR`] that say what a subject undergoes or
/// lacks, not what it does.
const UNDERGOING: &[&str] = &["face", "need", "lack", "look", "become"];

/// Nouns (lemmas) of places: "left the country", "took over the capital
/// Phnom Penh".
const PLACE_NOUNS: &[&str] = &[
    "country",
    "city",
    "capital",
    "town",
    "village",
    "region",
    "area",
    "island",
    "home",
    "territory",
    "province",
    "state",
];

/// Whether a token (upper case) may be a form of a [`REPORTING`] verb:
/// where none is, no clause is reported and nothing needs the parse.
pub(crate) fn may_report(token: &str) -> bool {
    const STEMS: &[&str] = &[
        "SAID", "SAY", "TOLD", "TELL", "REPORT", "ANNOUNC", "CLAIM", "ADD", "STATE", "CONFIRM",
        "ALLEG", "INSIST", "REVEAL", "WROTE", "WRIT", "QUOT", "BELIEV", "THINK", "THOUGHT",
    ];
    STEMS.iter().any(|s| token.starts_with(s))
}

impl Grammar<'_> {
    /// The token of the verb whose object is the noun at token `noun`
    /// ("sought talks", "planned a visit"), if the parse reads it so.
    pub(crate) fn verb_of_object(&self, noun: usize) -> Option<usize> {
        let (parse, word_of) = self.parse();
        let n = word_of.get(noun).copied().flatten()?;
        let w = &parse.words()[n];
        if !matches!(w.upos, Upos::Noun | Upos::Propn) || w.deprel != "obj" {
            return None;
        }
        let h = parse.head(n)?;
        token_of(word_of, h)
    }

    /// The token of the verb that takes the gerund at token `verb` as its
    /// complement ("to end fighting", "stopped firing"), if the parse
    /// reads it so.
    pub(crate) fn verb_of_gerund(&self, verb: usize) -> Option<usize> {
        let (parse, word_of) = self.parse();
        let v = word_of.get(verb).copied().flatten()?;
        let w = &parse.words()[v];
        if w.xpos != "VBG" || !matches!(w.deprel, "xcomp" | "obj") {
            return None;
        }
        token_of(word_of, parse.head(v)?)
    }

    /// Whether a word of tokens `first..=last` lies below the verb at
    /// tokens `verb` (first and last) in the parse.
    /// An eventive noun's participants may hang on the verb it is an
    /// argument of ("sought talks [to end a siege called by the rebels]").
    pub(crate) fn below(&self, verb: (usize, usize), first: usize, last: usize) -> bool {
        let (parse, word_of) = self.parse();
        let at = |t: usize| word_of.get(t).copied().flatten();
        (verb.0..=verb.1).filter_map(at).any(|v| {
            let top = match parse.words()[v].upos {
                Upos::Noun | Upos::Propn => parse.head(v).unwrap_or(v),
                _ => v,
            };
            (first..=last)
                .filter_map(at)
                .any(|w| w != v && parse.dominates(top, w))
        })
    }

    /// Whether tokens `first..=last` lie in a phrase of time or
    /// circumstance of the verb at tokens `verb` ("said Monday after the
    /// assassination of a Hamas leader"): on the path up from them to the
    /// verb, a noun after "after", "during" and the like.
    pub(crate) fn in_circumstance(&self, verb: (usize, usize), first: usize, last: usize) -> bool {
        let (parse, word_of) = self.parse();
        let at = |t: usize| word_of.get(t).copied().flatten();
        let verbs: Vec<usize> = (verb.0..=verb.1).filter_map(at).collect();
        (first..=last).filter_map(at).any(|w| {
            let mut x = w;
            // The path up is no longer than the sentence.
            for _ in 0..parse.words().len() {
                if verbs.contains(&x) {
                    return false;
                }
                if crate::arguments::circumstantial_phrase(parse, x) {
                    return true;
                }
                match parse.head(x) {
                    Some(h) => x = h,
                    None => return false,
                }
            }
            false
        })
    }

    /// Whether the verb at tokens `first..=last` has a reflexive pronoun
    /// for its object ("blew himself up", "killed themselves").
    pub(crate) fn reflexive_object(&self, first: usize, last: usize) -> bool {
        let (parse, word_of) = self.parse();
        let w = parse.words();
        (first..=last)
            .filter_map(|t| word_of.get(t).copied().flatten())
            .any(|v| {
                parse.dependents(v).any(|d| {
                    w[d].deprel == "obj"
                        && matches!(
                            w[d].form.to_lowercase().as_str(),
                            "himself" | "herself" | "itself" | "themselves" | "oneself"
                        )
                })
            })
    }

    /// The token of the subject the verb at token `verb` takes from a verb
    /// it is coordinated with or modifies ([`crate::arguments::inherited_agent`]).
    pub(crate) fn inherited_subject(&self, verb: usize) -> Option<usize> {
        let (parse, v) = self.parsed(verb)?;
        let (_, word_of) = self.parse();
        token_of(word_of, crate::arguments::inherited_agent(parse, v)?)
    }

    /// The token of the verb that the verb at token `verb` is coordinated
    /// with, where it has no auxiliary, subject or negation of its own
    /// ("will not dismantle its programs or improve ties": improve's is
    /// dismantle).
    pub(crate) fn conjunct_of(&self, verb: usize) -> Option<usize> {
        let (parse, word_of) = self.parse();
        let (_, v) = self.parsed(verb)?;
        let w = parse.words();
        if w[v].deprel != "conj" || w[v].upos != Upos::Verb {
            return None;
        }
        let own = frames_itself(parse, v, &["aux", "nsubj"]);
        let h = parse.head(v)?;
        if own || w[h].upos != Upos::Verb {
            return None;
        }
        token_of(word_of, h)
    }

    /// Whether the verb at token `verb` is a gerund that says what
    /// something is about ("a panel on expanding the Council", "talks
    /// about establishing ties", "a row over building settlements"): a
    /// subject matter, not a deed, wherever the parse hangs it. After a
    /// verb it is the verb's complement ("plans on meeting", "carried on
    /// attacking"), left to the verb.
    pub(crate) fn topic_gerund(&self, verb: usize) -> bool {
        let Some((parse, v)) = self.parsed(verb) else {
            return false;
        };
        let w = parse.words();
        w[v].xpos == "VBG"
            && parse.dependents(v).any(|d| {
                matches!(w[d].deprel, "mark" | "case")
                    && d + 1 == v
                    && d > 0
                    && !matches!(w[d - 1].upos, Upos::Verb | Upos::Aux)
                    // ("Trump plans on meeting" with "plans" read as a
                    // noun: a word with a subject is a verb.)
                    && !parse
                        .dependents(d - 1)
                        .any(|s| w[s].deprel.starts_with("nsubj"))
                    && matches!(
                        w[d].form.to_lowercase().as_str(),
                        "on" | "about" | "over" | "regarding" | "concerning"
                    )
            })
    }

    /// The verb a participle clause at token `verb` hangs on, as a token,
    /// where the participle has no subject, marker or auxiliary of its
    /// own ("would attack Lebanon, killing hundreds": "attack"). What the
    /// participle tells happens as its head's act does.
    pub(crate) fn participle_head(&self, verb: usize) -> Option<usize> {
        let (parse, word_of) = self.parse();
        let (_, v) = self.parsed(verb)?;
        let w = parse.words();
        if w[v].deprel != "advcl" || w[v].xpos != "VBG" {
            return None;
        }
        let own = frames_itself(parse, v, &["aux", "nsubj", "mark"]);
        let h = parse.head(v)?;
        if own || w[h].upos != Upos::Verb || h > v {
            return None;
        }
        token_of(word_of, h)
    }

    /// Whether the parse puts the verb at token `verb` under a condition:
    /// its clause is marked "if", "unless" or "whether" ("whether Iran
    /// will meet"), or so is a clause it lies in, up to the nearest
    /// adverbial, relative or parenthetical clause ("if Iran refuses to
    /// meet", "if they attack and kill", the "attack" even where the parse
    /// reads it as a noun), or it
    /// governs an "if" clause itself ("Japan will withdraw if talks
    /// fail"). A condition elsewhere in the sentence does not reach it
    /// ("in deciding whether to act, the minister said on Thursday, a day
    /// after Pyongyang warned Japan": the warning is a fact, even where
    /// the parse hangs the clauses one under the other). `None` when no
    /// parse word lies under the token.
    pub(crate) fn conditional(&self, verb: usize) -> Option<bool> {
        let (parse, v) = self.parsed(verb)?;
        let w = parse.words();
        let marked = |c: usize, marks: &[&str]| {
            parse.dependents(c).any(|d| {
                w[d].deprel == "mark" && marks.iter().any(|m| w[d].lemma.eq_ignore_ascii_case(m))
            })
        };
        let mut at = v;
        for _ in 0..=w.len() {
            if marked(at, CONDITIONS) {
                return Some(true);
            }
            // Another adverbial clause ("a day after ..."), a relative
            // clause or a clause set beside it has its own frame.
            let own_frame = matches!(w[at].deprel.split(':').next(), Some("advcl" | "parataxis"))
                || w[at].deprel == "acl:relcl";
            match parse.head(at) {
                Some(h) if !own_frame => at = h,
                _ => break,
            }
        }
        Some(
            parse
                .dependents(v)
                .any(|c| w[c].deprel == "advcl" && marked(c, &CONDITIONS[..2])),
        )
    }

    /// Whether the verb at token `verb` is in the present tense in a
    /// clause of time ("when", "after", "before", "once", "until") on a
    /// verb with "will" or "shall": English puts what is to come in such
    /// a clause in the present ("talks will top the agenda when Zapatero
    /// welcomes Chirac").
    pub(crate) fn future_time_clause(&self, verb: usize) -> bool {
        const TIME: &[&str] = &["when", "after", "before", "once", "until", "as"];
        self.parsed(verb).is_some_and(|(parse, v)| {
            let w = parse.words();
            let marked = parse.dependents(v).any(|d| {
                w[d].deprel == "mark" && TIME.iter().any(|m| w[d].form.eq_ignore_ascii_case(m))
            }) || parse.dependents(v).any(|d| {
                w[d].deprel == "advmod" && w[d].form.eq_ignore_ascii_case("when") && d < v
            });
            let will = |h: usize| {
                parse.dependents(h).any(|d| {
                    w[d].deprel == "aux"
                        && matches!(w[d].form.to_lowercase().as_str(), "will" | "shall" | "'ll")
                })
            };
            // "will top the agenda when Zapatero welcomes Chirac" with
            // the "when" misattached inside the subject: a time word
            // between the two verbs, with no verb between it and this one.
            let between = |h: usize| {
                h < v
                    && (h + 1..v).any(|x| {
                        matches!(w[x].upos, Upos::Adv | Upos::Sconj)
                            && TIME.iter().any(|m| w[x].form.eq_ignore_ascii_case(m))
                            && !(x + 1..v).any(|y| matches!(w[y].upos, Upos::Verb | Upos::Aux))
                    })
            };
            matches!(w[v].xpos, "VBZ" | "VBP")
                && matches!(w[v].deprel, "advcl" | "ccomp")
                && parse
                    .head(v)
                    .is_some_and(|h| will(h) && (marked || between(h)))
        })
    }

    /// Whether the verb at token `verb` lies in what a reporting verb in
    /// the past tense (or its participle) reports ("said talks would
    /// resume in October"): its "would" is the speaker's "will" in
    /// reported speech, not a hypothetical.
    pub(crate) fn reported_past(&self, verb: usize) -> bool {
        let Some((parse, v)) = self.parsed(verb) else {
            return false;
        };
        let w = parse.words();
        // Through verbs conjoined to the reported one.
        let at = crate::arguments::first_conjunct(parse, v);
        // "said", or the narrative's "..., saying it would".
        w[at].deprel == "ccomp"
            && parse.head(at).is_some_and(|h| {
                matches!(w[h].xpos, "VBD" | "VBG")
                    && REPORTING.contains(&w[h].lemma.to_lowercase().as_str())
            })
    }

    /// What the reporting verb at token `verb` says another must do:
    /// "said Italy must withdraw its troops" gives the tokens of the
    /// obliged subject ("Italy") and of its verb ("withdraw"). The
    /// complement has "must" or "should", no negation, and a subject that
    /// is not a pronoun (the speaker's own duty is no demand).
    pub(crate) fn obliges(&self, verb: usize) -> Option<(usize, usize)> {
        let (parse, v) = self.parsed(verb)?;
        let w = parse.words();
        if !REPORTING.contains(&w[v].lemma.to_lowercase().as_str()) {
            return None;
        }
        let lemma = |d: usize| w[d].lemma.to_lowercase();
        let c = parse
            .dependents(v)
            .find(|&c| w[c].deprel == "ccomp" && w[c].upos == Upos::Verb)?;
        let has = |rel: &str, words: &[&str]| {
            parse
                .dependents(c)
                .any(|d| w[d].deprel == rel && words.contains(&lemma(d).as_str()))
        };
        if !has("aux", &["must", "should"]) || has("advmod", &["not", "never", "n't"]) {
            return None;
        }
        let subject = parse
            .dependents(c)
            .find(|&d| w[d].deprel == "nsubj" && w[d].upos != Upos::Pron)?;
        let (_, word_of) = self.parse();
        Some((token_of(word_of, subject)?, token_of(word_of, c)?))
    }

    /// Whether the verb at token `verb` is what another is asked to do: an
    /// infinitive under a verb of asking that has someone to ask ("urged
    /// the Commission to ban imports", "called on Syria to withdraw",
    /// "persuaded Germany to expel the diplomats"), or a bare verb in the
    /// subjunctive under one ("demanded that Rwanda withdraw"). The asking
    /// is the event; the act asked for has not happened, nor is it the
    /// asker's.
    pub(crate) fn asked_of_another(&self, verb: usize) -> bool {
        // Stems of the forms, which the lemmatiser does not always reach
        // ("persuaded").
        const ASKING: &[&str] = &[
            "urg", "ask", "call", "appeal", "press", "petition", "persuad", "encourag", "invit",
            "request", "implor", "begged", "lobbi", "lobby", "exhort", "advis", "told", "tell",
            "instruct", "order", "demand", "challeng",
        ];
        let Some((parse, v)) = self.parsed(verb) else {
            return false;
        };
        let w = parse.words();
        let to = parse
            .dependents(v)
            .any(|d| w[d].deprel == "mark" && w[d].form.eq_ignore_ascii_case("to") && d < v);
        let Some(h) = parse.head(v) else {
            return false;
        };
        let asked = parse.dependents(h).any(|d| {
            d < v
                && (w[d].deprel == "obj"
                    || (w[d].deprel.starts_with("obl")
                        && parse.dependents(d).any(|c| {
                            w[c].deprel == "case"
                                && matches!(w[c].form.to_lowercase().as_str(), "on" | "upon" | "to")
                        })))
        });
        // "demanded Rwanda withdraw its troops": a bare verb after the one
        // asked is asked of them too; so is a clause in the subjunctive,
        // "demanded that Rwanda withdraw", a bare verb with a subject of
        // its own and no auxiliary.
        let bare_form =
            || w[v].xpos == "VB" && !parse.dependents(v).any(|d| w[d].deprel.starts_with("aux"));
        let bare = || w[v].deprel == "xcomp" && bare_form();
        let subjunctive = || {
            w[v].deprel == "ccomp"
                && bare_form()
                && parse.dependents(v).any(|d| w[d].deprel == "nsubj")
        };
        matches!(w[v].deprel, "xcomp" | "advcl" | "ccomp")
            && w[h].upos == Upos::Verb
            && ASKING
                .iter()
                .any(|a| w[h].form.to_lowercase().starts_with(a))
            && ((to && asked) || (!to && ((bare() && asked) || subjunctive())))
    }

    /// Whether the verb at token `verb` is the act someone is accused,
    /// charged, suspected or blamed for ("the men accused of killing a
    /// policeman", "was charged with abusing prisoners"): an allegation's
    /// content, not a deed the text reports.
    pub(crate) fn alleged(&self, verb: usize) -> bool {
        const ALLEGING: &[&str] = &["accuse", "charge", "suspect", "blame", "allege", "indict"];
        let Some((parse, v)) = self.parsed(verb) else {
            return false;
        };
        let w = parse.words();
        let marked = parse.dependents(v).any(|d| {
            matches!(w[d].deprel, "mark" | "case")
                && matches!(w[d].form.to_lowercase().as_str(), "of" | "with" | "for")
        });
        w[v].xpos == "VBG"
            && marked
            && matches!(w[v].deprel, "advcl" | "acl" | "xcomp" | "obl")
            && parse.head(v).is_some_and(|h| {
                let lemma = w[h].lemma.to_lowercase();
                ALLEGING.iter().any(|a| lemma == *a)
            })
    }

    /// Whether the verb at token `verb` judges an act its object names,
    /// and the parse gives that act a doer ("condemned the Israeli raid",
    /// "welcomed Syria's withdrawal"): the judgement is an act of its own,
    /// on the doer (see [`Grammar::roles`]).
    pub(crate) fn judges(&self, verb: usize) -> bool {
        self.parsed(verb)
            .is_some_and(|(parse, v)| judged(parse, v).is_some())
    }

    /// Whether the verb at token `verb` answers an act with an act of its
    /// own ("rejected the criticism", "demanded the release", "condemned
    /// the raid"): a verb of [`JUDGEMENTS`] or [`RESPONSES`]. Its object
    /// names the act answered, and does not make the verb a mere carrier
    /// of it ("kicked off a visit").
    pub(crate) fn responds(&self, verb: usize) -> bool {
        self.parsed(verb).is_some_and(|(parse, v)| {
            let lemma = parse.words()[v].lemma.to_lowercase();
            JUDGEMENTS.contains(&lemma.as_str()) || RESPONSES.contains(&lemma.as_str())
        })
    }

    /// The tagger's part of speech for token `t`.
    fn upos_at(&self, t: usize) -> Option<Upos> {
        self.word_of
            .get(t)
            .copied()
            .flatten()
            .map(|w| self.tags()[w].upos)
    }

    /// Whether the parse makes token `t` a verb with a subject or an
    /// auxiliary of its own ("history would judge"): no noun, whatever
    /// the dictionaries say of the word.
    pub(crate) fn verb_at(&self, t: usize) -> bool {
        self.upos_at(t) == Some(Upos::Verb)
            && self.parsed(t).is_some_and(|(parse, v)| {
                let w = parse.words();
                w[v].upos == Upos::Verb
                    && parse
                        .dependents(v)
                        .any(|d| w[d].deprel.starts_with("nsubj") || w[d].deprel.starts_with("aux"))
            })
    }

    /// Whether the parse's lemma of token `t` is one of `lemmas` (lower
    /// case).
    pub(crate) fn lemma_in(&self, t: usize, lemmas: &[&str]) -> bool {
        self.parsed(t).is_some_and(|(parse, v)| {
            let lemma = &parse.words()[v].lemma;
            lemmas.iter().any(|l| lemma.eq_ignore_ascii_case(l))
        })
    }

    /// Whether the parse reads token `t` as a verb whose object's lemma is
    /// one of `lemmas` ("deepen a partnership").
    pub(crate) fn object_lemma_in(&self, t: usize, lemmas: &[&str]) -> bool {
        self.parsed(t).is_some_and(|(parse, v)| {
            let w = parse.words();
            parse.dependents(v).any(|d| {
                w[d].deprel == "obj" && lemmas.iter().any(|l| w[d].lemma.eq_ignore_ascii_case(l))
            })
        })
    }

    /// Whether the tagger reads token `t` as a common noun.
    pub(crate) fn noun_at(&self, t: usize) -> bool {
        self.upos_at(t) == Some(Upos::Noun)
    }

    /// Whether the parse reads token `t` as a noun in a phrase of time or
    /// circumstance ("said Monday after the assassination").
    pub(crate) fn circumstance_at(&self, t: usize) -> bool {
        self.parsed(t).is_some_and(|(parse, n)| {
            parse.words()[n].upos == Upos::Noun && crate::arguments::circumstantial_phrase(parse, n)
        })
    }

    /// Whether the parse reads token `t` as a noun in an oblique of a
    /// passive verb: "was killed in an attack", "were wounded in a
    /// shootout". The passive's subject suffered the act the noun names.
    pub(crate) fn passive_oblique(&self, t: usize) -> bool {
        self.parsed(t).is_some_and(|(parse, n)| {
            let w = &parse.words()[n];
            w.upos == Upos::Noun
                && w.deprel.split(':').next() == Some("obl")
                && parse
                    .head(n)
                    .is_some_and(|h| crate::arguments::is_passive(parse, h))
        })
    }

    /// Whether the verb at token `verb` has a direct object that tokens
    /// `first..=last` do not lie in: what the verb moves or handles is not
    /// them ("is flying the migrants to Libya"; not "visited Brazil's
    /// capital", "left Nigeria for Darfur", "left this weekend for
    /// Brussels").
    pub(crate) fn other_object(&self, verb: usize, first: usize, last: usize) -> bool {
        let (parse, word_of) = self.parse();
        let Some(v) = word_of.get(verb).copied().flatten() else {
            return false;
        };
        let Some(o) = parse
            .dependents(v)
            .find(|&d| parse.words()[d].deprel == "obj")
        else {
            return false;
        };
        // "left the country for Saudi Arabia", "left this weekend for
        // Brussels": a place left or a time is nothing carried.
        let lemma = parse.words()[o].lemma.to_lowercase();
        if crate::arguments::is_time(&parse.words()[o].form)
            || PLACE_NOUNS.contains(&lemma.as_str())
            || parse.words()[o].upos == Upos::Propn
        {
            return false;
        }
        !(first..=last)
            .filter_map(|t| word_of.get(t).copied().flatten())
            .any(|w| parse.dominates(o, w))
    }

    /// Whether the parse reads token `t` as a noun that is the object of a
    /// verb judging, answering or telling of it ("condemned the
    /// assassination of a Hamas leader"): who judges an act did not do it.
    pub(crate) fn reacted_to(&self, t: usize) -> bool {
        self.parsed(t).is_some_and(|(parse, n)| {
            let w = parse.words();
            w[n].upos == Upos::Noun
                && w[n].deprel == "obj"
                && parse
                    .head(n)
                    .is_some_and(|h| crate::arguments::reaction(&w[h].lemma))
        })
    }

    /// Whether the tagger reads token `noun` as a common noun and a token
    /// from `first` up to it as an auxiliary: a pattern matched over them
    /// ("+ WERE *" over "exports to Turkey were halted after attacks")
    /// reaches from the noun into a verb's clause, for no noun takes an
    /// auxiliary.
    pub(crate) fn auxiliary_before_noun(&self, first: usize, noun: usize) -> bool {
        self.noun_at(noun) && (first..noun).any(|t| self.upos_at(t) == Some(Upos::Aux))
    }

    /// Whether the verb at token `verb` is a participle that modifies a
    /// noun ("attacks blamed on rebels"): its subject is the noun or the
    /// agent it names, never an actor of the clause around it. So it is
    /// where the parse makes it a clause of a noun with no relative
    /// pronoun, no object (a finite verb misparsed: "militants with
    /// weapons opened fire", but "a group called the Battalion" has its
    /// name for one) and no subject but a day; and where its only subject
    /// is a day, which no participle modifying a noun can have ("two bombs
    /// Sunday blamed on rebels" misparsed as "Sunday blamed"). (An
    /// infinitive or a gerund, "an effort to restore ties", "statements
    /// calling on", is done by whoever makes the noun.)
    pub(crate) fn participle_of_noun(&self, verb: usize) -> bool {
        self.parsed(verb).is_some_and(|(parse, v)| {
            let w = parse.words();
            if !matches!(w[v].xpos, "VBN" | "VBD") {
                return false;
            }
            let day = |d: usize| crate::arguments::is_time(&w[d].form);
            let mut subjects = parse
                .dependents(v)
                .filter(|&d| w[d].deprel.starts_with("nsubj"))
                .peekable();
            if subjects.peek().is_some() {
                return subjects.all(day);
            }
            w[v].deprel.split(':').next() == Some("acl")
                && parse
                    .head(v)
                    .is_some_and(|h| matches!(w[h].upos, Upos::Noun | Upos::Propn | Upos::Pron))
                && !parse.dependents(v).any(|d| {
                    (w[d].upos == Upos::Pron && crate::arguments::relative_pronoun(&w[d].form))
                        || (w[d].deprel == "obj" && !NAMING.contains(&w[v].lemma.as_str()))
                })
        })
    }

    /// Whether the parse reads the verb at token `verb` as passive.
    pub(crate) fn passive(&self, verb: usize) -> bool {
        self.parsed(verb)
            .is_some_and(|(parse, v)| crate::arguments::is_passive(parse, v))
    }

    /// The participants of the verb at token `verb` among `units` (token
    /// spans of the actors; `named` tells which name a country or body):
    /// each unit with its role (stage `arguments`),
    /// or `None` with the role for a participant that is not an actor ("a
    /// car bomb exploded").
    /// A word's unit is the one covering it, or else the nearest one below
    /// it through nominal modifiers ("the leader of Hamas", "U.S.
    /// troops"). `None` when the parse does not read the token as a verb.
    pub(crate) fn roles(
        &self,
        verb: usize,
        units: &[(usize, usize)],
        named: &[bool],
    ) -> Option<Vec<(Option<usize>, Role)>> {
        let (parse, v) = self.parsed(verb)?;
        if !matches!(parse.words()[v].upos, Upos::Verb | Upos::Noun) {
            return None;
        }
        let unit_at = self.unit_at(units);
        let mut out: Vec<(Option<usize>, Role)> = Vec::new();
        let judged = judged(parse, v);
        for a in crate::arguments::arguments(parse, v) {
            // "condemned the Israeli raid": the one judged is the raid's
            // doer, or no one the coder knows.
            if let Some((_, doer)) = judged.filter(|&(act, _)| act == a.word) {
                let u = unit_below(parse, &unit_at, named, doer);
                out.push((u, a.role));
                continue;
            }
            // A pronoun in what a speaker reports may stand for the
            // speaker: the subject ("Berlusconi and Putin said they welcome
            // ..."), or the one acted on by someone else ("Iran said Iraqi
            // troops had attacked it"; "fired rockets at it": no place).
            let speakers = match &a.role {
                _ if unit_at[a.word].is_some() => None,
                Role::Agent => reporter(parse, v, a.word),
                Role::Place(case) if case == "in" => None,
                Role::Patient(_) | Role::Place(_) => spoken_of(parse, v, a.word),
            };
            if let Some(speakers) = speakers {
                for s in speakers {
                    let u = unit_below(parse, &unit_at, named, s);
                    if u.is_some() && !out.iter().any(|(x, _)| *x == u) {
                        out.push((u, a.role.clone()));
                    }
                }
                continue;
            }
            // A noun the parser hung on the verb as a conjunct (see
            // `arguments::own`) counts only if an actor covers it: what
            // lies below it may hang there by the same mistake.
            let stray = parse.words()[a.word].deprel == "conj" && parse.head(a.word) == Some(v);
            let u = if stray {
                unit_at[a.word]
            } else {
                unit_below(parse, &unit_at, named, a.word)
            };
            // A pronoun the coder did not resolve, or a day misparsed as a
            // participant ("Monday to discuss"), says nothing of who.
            // ("resigned Friday, a day after ..." with the day as object
            // says nothing either, whatever lies below it.)
            let word = &parse.words()[a.word];
            if crate::arguments::is_time(&word.form) || (u.is_none() && word.upos == Upos::Pron) {
                continue;
            }
            // An actor before the verb with no verb between ("The prospect
            // of South Korea-Syria ties could deal ...") may be the subject
            // the parse missed: leave the question to the other rules.
            // ("no evidence backing the American claims": a participle's
            // noun that names no actor is who acts, and no one else; a
            // text speaks for its author, "a statement accusing X".)
            let modified_noun = parse.words()[v].deprel == "acl"
                && parse.head(v) == Some(a.word)
                && !crate::arguments::DOCUMENTS
                    .contains(&parse.words()[a.word].lemma.to_lowercase().as_str());
            if u.is_none() && a.role == Role::Agent && !modified_noun {
                // The verb the subject belongs to (an inherited subject's
                // is above `v`).
                let own = parse.head(a.word).unwrap_or(v);
                let from = (*parse.subtree(a.word).start()).min(own);
                let lo = (0..from)
                    .rev()
                    .find(|&x| parse.words()[x].upos == Upos::Verb)
                    .map_or(0, |x| x + 1);
                if (lo..own.max(from)).any(|x| unit_at[x].is_some()) {
                    continue;
                }
            }
            // "Meeting in Moscow, Berlusconi and Putin said": a unit the
            // parse lists with a place ("Moscow, Italian ... and ...") but
            // that is the subject the verb inherits acts; it is no place.
            if a.role == Role::Agent && u.is_some() {
                if let Some(at) = out
                    .iter()
                    .position(|(x, r)| *x == u && matches!(r, Role::Place(_)))
                {
                    out[at].1 = Role::Agent;
                    continue;
                }
            }
            if u.is_none() || !out.iter().any(|(x, _)| *x == u) {
                out.push((u, a.role));
            }
        }
        Some(out)
    }

    /// The act a doer noun at token `noun` names ("kidnappers") and the
    /// unit (of `units`, token spans) it acted on: its "of" phrase or its
    /// owner, not a pronoun ("the kidnappers of two French reporters").
    pub(crate) fn doer(
        &self,
        noun: usize,
        units: &[(usize, usize)],
        named: &[bool],
    ) -> Option<(&'static str, usize)> {
        let (parse, n) = self.parsed(noun)?;
        let w = parse.words();
        if w[n].upos != Upos::Noun {
            return None;
        }
        let code = crate::doers::act_of(&w[n].lemma)?;
        let victim = parse.dependents(n).find(|&d| {
            w[d].upos != Upos::Pron
                && (w[d].deprel == "nmod:poss"
                    || (w[d].deprel == "nmod" && crate::arguments::case_is(parse, d, "of")))
        })?;
        let unit_at = self.unit_at(units);
        // The victim is someone other than the doer's own unit.
        let own = unit_at[n];
        let u = unit_below(parse, &unit_at, named, victim).filter(|&u| Some(u) != own)?;
        Some((code, u))
    }

    /// The trial the noun at token `noun` names ([`crate::trials`]): the
    /// unit (of `units`, token spans) tried, and the court's unit where
    /// the parse names one.
    pub(crate) fn trial(
        &self,
        noun: usize,
        units: &[(usize, usize)],
        named: &[bool],
    ) -> Option<(usize, Option<usize>)> {
        let (parse, n) = self.parsed(noun)?;
        let t = crate::trials::trial(parse, n)?;
        let unit_at = self.unit_at(units);
        let defendant = unit_below(parse, &unit_at, named, t.defendant)?;
        let court = t
            .court
            .and_then(|c| unit_below(parse, &unit_at, named, c))
            .filter(|&c| c != defendant);
        Some((defendant, court))
    }

    /// For each parse word, the first of `units` (token spans) over it.
    fn unit_at(&self, units: &[(usize, usize)]) -> Vec<Option<usize>> {
        let (parse, word_of) = self.parse();
        let mut unit_at: Vec<Option<usize>> = vec![None; parse.len()];
        for (u, &(a, b)) in units.iter().enumerate() {
            for w in (a..=b).filter_map(|t| word_of.get(t).copied().flatten()) {
                unit_at[w].get_or_insert(u);
            }
        }
        unit_at
    }

    /// The parse, and the parse's word under token `t`.
    fn parsed(&self, t: usize) -> Option<(&Parse, usize)> {
        let (parse, word_of) = self.parse();
        Some((parse, word_of.get(t).copied().flatten()?))
    }

    /// The parse, and the parse's words under tokens `a` and `b`.
    fn parsed_pair(&self, a: usize, b: usize) -> Option<(&Parse, usize, usize)> {
        let (parse, v) = self.parsed(a)?;
        Some((parse, v, self.parsed(b)?.1))
    }

    /// The subject of what the token `verb` reports, as a token, where
    /// `verb` is a verb of saying that closes its report ("Afghanistan has
    /// a chance, the envoy said"): it reports nothing after itself, and
    /// the parse hangs it on the clause before it (as a parataxis, or by a
    /// slip as a relative clause or conjunct), or makes that clause its
    /// complement.
    pub(crate) fn closing_speech(&self, verb: usize) -> Option<usize> {
        let (parse, v) = self.parsed(verb)?;
        let w = parse.words();
        let rel = |d: usize| w[d].deprel.split(':').next().unwrap_or("");
        let reports_after = parse
            .dependents(v)
            .any(|d| d > v && matches!(rel(d), "ccomp" | "obj" | "xcomp" | "iobj"));
        if !REPORTING.contains(&w[v].lemma.to_lowercase().as_str()) || reports_after {
            return None;
        }
        let clause = parse
            .head(v)
            .filter(|&h| h < v)
            .or_else(|| parse.dependents(v).find(|&d| d < v && rel(d) == "ccomp"))?;
        // The clause's head, where the parse hung the verb on a word of
        // it ("a chance ..., the envoy said"): the sentence's root or the
        // verb's complement, not a clause inside the report.
        let mut head = clause;
        while parse.head(head).is_some_and(|h| h < v) && rel(head) != "ccomp" {
            head = parse.head(head)?;
        }
        // What is said of the subject, not a deed of its (the deed is the
        // event, not the report): a copular clause ("is a threat") or one
        // of having or seeming ("has a chance").
        let stative =
            w[head].upos != Upos::Verb || COPULAR.contains(&w[head].lemma.to_lowercase().as_str());
        if !stative {
            return None;
        }
        let subject = parse.dependents(head).find(|&d| rel(d) == "nsubj")?;
        let (_, word_of) = self.parse();
        word_of.iter().position(|&x| x == Some(subject))
    }

    /// Whether the verb at token `verb` reports a judgement of censure:
    /// its complement is a copular clause on an adjective that condemns
    /// ("Sudan said the resolution was unfair", "called it illegal" is
    /// not a complement), not negated. Saying so is criticism (CAMEO 111),
    /// not a bare statement (010).
    pub(crate) fn reports_censure(&self, verb: usize) -> bool {
        let Some((parse, v)) = self.parsed(verb) else {
            return false;
        };
        REPORTING.contains(&parse.words()[v].lemma.to_lowercase().as_str())
            && censure_clause(parse, v).is_some()
    }

    /// Who a censuring statement of the verb at token `verb` (see
    /// [`Grammar::reports_censure`]) condemns, as tokens in order of
    /// preference: the doer of what is called unfair ("the decision by
    /// the US", "statements from India", "Japan's plan", "the US
    /// decision"), then what is called so ("said the US was unfair"), then
    /// whom it concerns ("the resolution of the Council"). The caller takes
    /// the first that names an actor.
    pub(crate) fn censured(&self, verb: usize) -> Vec<usize> {
        let Some((parse, v)) = self.parsed(verb) else {
            return Vec::new();
        };
        let w = parse.words();
        let Some(subject) = censure_clause(parse, v).and_then(|c| {
            parse
                .dependents(c)
                .find(|&d| w[d].deprel.starts_with("nsubj"))
        }) else {
            return Vec::new();
        };
        let case = |d: usize, c: &str| crate::arguments::case_is(parse, d, c);
        let modifiers = |pick: &dyn Fn(usize) -> bool| -> Vec<usize> {
            parse.dependents(subject).filter(|&d| pick(d)).collect()
        };
        // A "by" or "from" phrase anywhere in the subject names the doer,
        // whatever the parse hangs it on ("the loss of control of the
        // sites by the US", "statements coming from India").
        let mut out: Vec<usize> = (0..w.len())
            .filter(|&d| {
                d != subject
                    && parse.dominates(subject, d)
                    && (w[d].deprel.starts_with("nmod") || w[d].deprel.starts_with("obl"))
                    && (case(d, "by") || case(d, "from"))
            })
            .collect();
        out.extend(modifiers(&|d| w[d].deprel == "nmod:poss"));
        out.extend(modifiers(&|d| matches!(w[d].deprel, "compound" | "amod")));
        out.push(subject);
        out.extend(modifiers(&|d| w[d].deprel == "nmod" && case(d, "of")));
        let (_, word_of) = self.parse();
        out.into_iter()
            .filter_map(|d| token_of(word_of, d))
            .collect()
    }

    /// Whether the actor at token `actor` is the doer of a deed that the
    /// verb of saying at token `verb` reports: its subject, in the
    /// complement, of a verb that is not one of being, having, seeming or
    /// undergoing, and not under a modal ("said the coalition has
    /// conducted 50 airstrikes", not "said Iraqi forces are not ready",
    /// "said the US faced defeat" or "said Syria must act").
    /// The guide codes the deed, not a statement to its doer.
    pub(crate) fn doer_reported(&self, verb: usize, actor: usize) -> bool {
        let Some((parse, v, a)) = self.parsed_pair(verb, actor) else {
            return false;
        };
        let w = parse.words();
        // The noun the actor names or modifies ("the US-led coalition",
        // not "Lebanon's economy": a possessor is no doer).
        let mut a = a;
        while matches!(
            w[a].deprel,
            "compound" | "amod" | "flat" | "appos" | "obl:unmarked"
        ) {
            match parse.head(a) {
                Some(h) => a = h,
                None => break,
            }
        }
        let Some(deed) = parse.head(a).filter(|_| w[a].deprel == "nsubj") else {
            return false;
        };
        // The complement itself, or a verb coordinated with it.
        let clause = first_conjunct(parse, deed);
        let reported = reports(parse, v).any(|r| r == clause);
        // What one would, must or could do is no deed reported: saying so
        // is a comment ("said the IMF would not insist", "Syria must act").
        let modal = parse.dependents(deed).any(|d| w[d].xpos == "MD");
        reported
            && !modal
            && w[deed].upos == Upos::Verb
            && ![COPULAR, UNDERGOING]
                .iter()
                .any(|l| l.contains(&w[deed].lemma.to_lowercase().as_str()))
    }

    /// Whether the verb at token `verb` is what someone was asked, urged
    /// or called on to do, and the actor at token `source` the one asked:
    /// the appeal is the event, its content no deed ("the US asked Pakistan
    /// to arrest Taliban leaders" is no arrest; "called on the rebels not
    /// to send fighters" no refusal of theirs).
    pub(crate) fn appealed(&self, verb: usize, source: usize) -> bool {
        let Some((parse, v, s)) = self.parsed_pair(verb, source) else {
            return false;
        };
        let w = parse.words();
        // The content: the verb, or the verb it is coordinated with.
        let content = first_conjunct(parse, v);
        // Asked to do, not told that: an infinitive ("asked Pakistan to
        // arrest"), not a report ("told reporters that police arrested").
        let infinitive = w[content].deprel == "xcomp"
            || parse
                .dependents(content)
                .any(|d| w[d].deprel == "mark" && w[d].lemma.eq_ignore_ascii_case("to"));
        if !infinitive || !matches!(w[content].deprel, "xcomp" | "ccomp" | "advcl") {
            return false;
        }
        let Some(h) = parse.head(content) else {
            return false;
        };
        if !APPEALS.contains(&w[h].lemma.to_lowercase().as_str()) {
            return false;
        }
        // The one asked: the appeal's object ("asked Pakistan"), the
        // oblique of "call on" and "appeal to", or the content's own
        // subject ("called for his followers to end").
        let asked = |x: usize| {
            let rel = w[x].deprel;
            (parse.head(x) == Some(h)
                && (matches!(rel, "obj" | "iobj")
                    || (rel.starts_with("obl")
                        && ["on", "upon", "to"]
                            .iter()
                            .any(|c| crate::arguments::case_is(parse, x, c)))))
                || (parse.head(x) == Some(content) && rel.starts_with("nsubj"))
        };
        let mut at = s;
        for _ in 0..4 {
            if asked(at) {
                return true;
            }
            match parse.head(at) {
                Some(up) if !matches!(w[at].deprel, "nsubj" | "obj" | "iobj" | "root") => at = up,
                _ => return false,
            }
        }
        false
    }

    /// Whether the verb at token `verb` is what a hypothetical would,
    /// could or might bring about: it, or a clause it is the purpose or
    /// complement of, or a nominal it modifies is an argument of (up to
    /// three steps up), has a modal auxiliary ("the weapons would be moved
    /// for the army to battle the fighters"), or is feared.
    pub(crate) fn under_modal(&self, verb: usize) -> bool {
        let Some((parse, v)) = self.parsed(verb) else {
            return false;
        };
        let w = parse.words();
        let modal = |x: usize| {
            parse.dependents(x).any(|d| {
                w[d].xpos == "MD"
                    && matches!(
                        w[d].lemma.to_lowercase().as_str(),
                        "would" | "could" | "might" | "may" | "should" | "can"
                    )
            })
        };
        // A fear of what is not done ("Russia fears an attack by the
        // rebels"). (One's own hope or wish is an intention, which the
        // modality stage reads.)
        let wish =
            |x: usize| x != v && w[x].upos == Upos::Verb && w[x].lemma.eq_ignore_ascii_case("fear");
        let mut at = v;
        for _ in 0..4 {
            if modal(at) || wish(at) {
                return true;
            }
            let rel = w[at].deprel.split(':').next().unwrap_or("");
            // A relative clause or participle describes what happened ("the
            // plan agreed by Nigeria and France"), whatever its noun's fate.
            let described = w[at].deprel == "acl:relcl"
                || (rel == "acl" && matches!(w[at].xpos, "VBN" | "VBD"));
            if described {
                return false;
            }
            // Through a clause's complements and purposes, and the
            // nominals they hang on ("for the army to battle").
            if !matches!(
                rel,
                "xcomp" | "advcl" | "acl" | "ccomp" | "obl" | "obj" | "nmod"
            ) {
                return false;
            }
            match parse.head(at) {
                Some(h) => at = h,
                None => return false,
            }
        }
        false
    }

    /// Whether the verb at token `verb` is in a clause that the actor at
    /// token `actor` reports ("The New York Times said dozens of Russians
    /// had been killed": the newspaper neither killed nor was killed): the
    /// verb lies in the complement of a reporting verb, that complement
    /// names its own subject (not a pronoun: "North Korea said it will not
    /// resume talks" is North Korea's act), and the actor is outside it.
    pub(crate) fn reported_by(&self, verb: usize, actor: usize) -> bool {
        let Some((parse, v, s)) = self.parsed_pair(verb, actor) else {
            return false;
        };
        let words = parse.words();
        // The nearest complement clause above the verb, with its head.
        let mut at = v;
        let mut steps = 0;
        while let Some(h) = parse.head(at) {
            let clause = words[at].deprel.split(':').next() == Some("ccomp");
            if clause && REPORTING.contains(&words[h].lemma.to_lowercase().as_str()) {
                // "North Korea said it will not resume talks": a pronoun
                // subject is the reporter itself.
                let named_subject = [v, at].iter().any(|&c| {
                    parse.dependents(c).any(|d| {
                        words[d].deprel.starts_with("nsubj") && words[d].upos != Upos::Pron
                    })
                });
                // "Iran said Iraqi troops had attacked it": the reporter
                // is a party where a pronoun in the report stands for it.
                let spoken_of_itself = parse
                    .dependents(v)
                    .any(|p| spoken_of(parse, v, p).is_some_and(|sp| sp.contains(&s)));
                return named_subject && !parse.dominates(at, s) && at != s && !spoken_of_itself;
            }
            at = h;
            steps += 1;
            if steps > words.len() {
                break;
            }
        }
        false
    }

    /// Whether the phrase over tokens `first..=last` is where something
    /// happens by the parse: its head is introduced by a locative
    /// preposition ("chairs a meeting in Ethiopia").
    pub(crate) fn locative(&self, first: usize, last: usize) -> bool {
        self.span_head(first, last)
            .is_some_and(|(parse, w)| crate::arguments::locative_phrase(parse, w))
    }

    /// The parse, and the head word of the phrase over tokens
    /// `first..=last`: its first word whose head lies outside it.
    fn span_head(&self, first: usize, last: usize) -> Option<(&Parse, usize)> {
        let (parse, _) = self.parse();
        let inside = self.span_words(first, last);
        let head = inside
            .iter()
            .copied()
            .find(|&w| parse.head(w).is_none_or(|h| !inside.contains(&h)))?;
        Some((parse, head))
    }

    /// The parse's words under tokens `first..=last`.
    fn span_words(&self, first: usize, last: usize) -> Vec<usize> {
        let (_, word_of) = self.parse();
        (first..=last)
            .filter_map(|t| word_of.get(t).copied().flatten())
            .collect()
    }

    /// Whether the parse reads token `t` as a noun of intention that
    /// someone has or shares ("share the aim of curbing US influence",
    /// "have an interest in"): a stance, not an intention declared to
    /// anyone.
    pub(crate) fn held_aim(&self, t: usize) -> bool {
        self.parsed(t).is_some_and(|(parse, n)| {
            let w = parse.words();
            w[n].upos == Upos::Noun
                && w[n].deprel == "obj"
                && parse.head(n).is_some_and(|h| {
                    matches!(
                        w[h].lemma.to_lowercase().as_str(),
                        "share" | "have" | "hold"
                    )
                })
        })
    }

    /// Whether the parse reads token `t` as the verb "call".
    pub(crate) fn call_verb(&self, t: usize) -> bool {
        self.parsed(t).is_some_and(|(parse, v)| {
            let w = &parse.words()[v];
            w.upos == Upos::Verb && w.lemma.eq_ignore_ascii_case("call")
        })
    }

    /// Whether the verb "call" at token `verb` reads as calling the phrase
    /// over tokens `first..=last` (a telephone call, CAMEO 041): the phrase
    /// is its one complement. Not where it names ("called them
    /// unconstitutional", "what it calls a militia", "a party called the
    /// KPA", "called the Saudis' action a land grab"), declares ("called a
    /// ceasefire") or takes a particle ("called out Beijing").
    pub(crate) fn calls(&self, verb: usize, first: usize, last: usize) -> bool {
        let (parse, word_of) = self.parse();
        let Some(v) = word_of.get(verb).copied().flatten() else {
            return false;
        };
        let w = parse.words();
        let complements: Vec<usize> = parse
            .dependents(v)
            .filter(|&d| matches!(w[d].deprel, "obj" | "xcomp" | "compound:prt"))
            .collect();
        w[v].deprel != "acl"
            && complements.len() == 1
            && w[complements[0]].deprel != "compound:prt"
            && self.span_words(first, last).contains(&complements[0])
    }

    /// Whether the parse reads token `t` as "join" with no event for its
    /// object: joining a body, a cause or someone ("joined NATO", "Brazil
    /// and Peru joined the group", "joined Britain in support of",
    /// "joined by Sarkozy") is membership or company, no meeting; "joined
    /// the talks with the EU" is one.
    pub(crate) fn joins(&self, t: usize) -> bool {
        self.parsed(t).is_some_and(|(parse, v)| {
            let w = parse.words();
            w[v].lemma.eq_ignore_ascii_case("join")
                && !parse
                    .dependents(v)
                    .any(|d| w[d].deprel == "obj" && eventive(&w[d].form))
        })
    }

    /// Whether "take" or "hold" at token `verb` takes a thing for its
    /// object, a common noun under none of `units` (token spans): "taking
    /// part in an operation", "took office", "held funerals". It takes or
    /// holds that thing, and no one.
    pub(crate) fn light_take(&self, verb: usize, units: &[(usize, usize)]) -> bool {
        let Some((parse, v)) = self.parsed(verb) else {
            return false;
        };
        let w = parse.words();
        if !["take", "hold"]
            .iter()
            .any(|l| w[v].lemma.eq_ignore_ascii_case(l))
        {
            return false;
        }
        let unit_at = self.unit_at(units);
        parse.dependents(v).any(|d| {
            w[d].deprel == "obj"
                && w[d].upos == Upos::Noun
                && !crate::arguments::is_time(&w[d].form)
                && !PLACE_NOUNS.contains(&w[d].lemma.to_lowercase().as_str())
                && unit_at[d].is_none()
        })
    }

    /// Whether the verb at token `verb` has a thing for its object and
    /// the phrase over tokens `first..=last` is who it is done with: "held
    /// a phone conversation with the Egyptian president".
    pub(crate) fn done_with(&self, verb: usize, first: usize, last: usize) -> bool {
        let (parse, word_of) = self.parse();
        let Some(v) = word_of.get(verb).copied().flatten() else {
            return false;
        };
        let w = parse.words();
        let Some(o) = parse.dependents(v).find(|&d| w[d].deprel == "obj") else {
            return false;
        };
        w[o].upos == Upos::Noun
            && self
                .span_head(first, last)
                .is_some_and(|(_, h)| h != o && crate::arguments::case_is(parse, h, "with"))
    }

    /// Whether the phrase over tokens `first..=last` only places something
    /// by its bearing from somewhere: its head is introduced by "of" and
    /// hangs from a compass point ("a convoy north of Baghdad", "50 km
    /// south of Kabul"). What happened there did not happen to the place,
    /// nor in it.
    pub(crate) fn directional(&self, first: usize, last: usize) -> bool {
        self.span_head(first, last)
            .is_some_and(|(parse, w)| crate::arguments::bearing_phrase(parse, w))
    }

    /// Whether the verb at token `verb` is a reporting verb ("said") and
    /// the token `at` lies in what it reports, its complement clause:
    /// "said it was easing a crushing offensive" ("offensive").
    pub(crate) fn reports_at(&self, verb: usize, at: usize) -> bool {
        self.report_of(verb, at).is_some()
    }

    /// Whether the verb at token `verb` reports the clause of the verb at
    /// token `at`, and that clause names its own subject: "said gunmen
    /// attacked" (where "said they would attack" is the speaker's own
    /// act).
    pub(crate) fn reports_other(&self, verb: usize, at: usize) -> bool {
        let Some(c) = self.report_of(verb, at) else {
            return false;
        };
        let (parse, _) = self.parse();
        let words = parse.words();
        parse
            .dependents(c)
            .any(|d| words[d].deprel.starts_with("nsubj") && words[d].upos != Upos::Pron)
    }

    /// The head of the complement clause of the reporting verb at token
    /// `verb` that holds token `at`.
    fn report_of(&self, verb: usize, at: usize) -> Option<usize> {
        let (parse, v, a) = self.parsed_pair(verb, at)?;
        reports(parse, v).find(|&c| c == a || parse.dominates(c, a))
    }

    /// Whether the verb at token `verb` is a reporting verb ("said") and
    /// the actor at token `actor` stands outside what it reports: the
    /// reporter, or someone the report is told to. A dictionary pattern of
    /// "say" can code the deed it reports ("+ * KILLED BY $"); that deed
    /// is not the reporter's.
    pub(crate) fn reporter_of(&self, verb: usize, actor: usize) -> bool {
        let Some((parse, v, a)) = self.parsed_pair(verb, actor) else {
            return false;
        };
        let mut reported = reports(parse, v).peekable();
        reported.peek().is_some() && !reported.any(|c| parse.dominates(c, a) || c == a)
    }
}

/// The first conjunct of word `x`'s coordination: the word it is
/// coordinated with, or `x` itself.
fn first_conjunct(parse: &Parse, x: usize) -> usize {
    match parse.head(x) {
        Some(h) if parse.words()[x].deprel == "conj" => h,
        _ => x,
    }
}

/// The heads of the complement clauses that word `v` reports, if it is a
/// [`REPORTING`] verb ("said [that talks would resume]").
fn reports(parse: &Parse, v: usize) -> impl Iterator<Item = usize> + '_ {
    let words = parse.words();
    let reporting = REPORTING.contains(&words[v].lemma.to_lowercase().as_str());
    parse
        .dependents(v)
        .filter(move |&d| reporting && words[d].deprel.split(':').next() == Some("ccomp"))
}

/// The act that verb `v` judges (its object, a noun naming an event) and
/// that act's doer by the parse, if `v` is one of the [`JUDGEMENTS`].
fn judged(parse: &Parse, v: usize) -> Option<(usize, usize)> {
    let w = parse.words();
    if !JUDGEMENTS.contains(&w[v].lemma.to_lowercase().as_str()) {
        return None;
    }
    let act = parse
        .dependents(v)
        .find(|&d| w[d].deprel == "obj" && w[d].upos == Upos::Noun && eventive(&w[d].form))?;
    let doer = crate::arguments::arguments(parse, act)
        .into_iter()
        .find(|a| a.role == Role::Agent)?;
    Some((act, doer.word))
}

/// The subjects of the reporting verb whose complement `v` is, where
/// `subject` (a subject of `v`) is a personal pronoun ("Iran said it
/// would ...", "the two leaders said they welcome ..."): the speaker
/// speaks of itself.
fn reporter(parse: &Parse, v: usize, subject: usize) -> Option<Vec<usize>> {
    let w = parse.words();
    let pronoun = w[subject].upos == Upos::Pron
        && matches!(
            w[subject].form.to_lowercase().as_str(),
            "he" | "she" | "it" | "they" | "we"
        );
    // The verb the pronoun is the subject of: `v` itself, or the verb
    // above it whose subject `v` inherits ("saying they wanted to rebuild
    // confidence in talks with the government").
    let own = parse.head(subject).unwrap_or(v);
    let h = parse.head(own)?;
    if !pronoun
        || w[own].deprel != "ccomp"
        || !REPORTING.contains(&w[h].lemma.to_lowercase().as_str())
    {
        return None;
    }
    speakers(parse, h, subject)
}

/// The agents of the verb of saying `h` other than the word `but`, if it
/// has any: who speaks of itself in what it says.
fn speakers(parse: &Parse, h: usize, but: usize) -> Option<Vec<usize>> {
    let speakers: Vec<usize> = crate::arguments::arguments(parse, h)
        .into_iter()
        .filter(|a| a.role == Role::Agent && a.word != but)
        .map(|a| a.word)
        .collect();
    (!speakers.is_empty()).then_some(speakers)
}

/// Verbs (lemmas) whose object is accused of a deed: "accused Chad of
/// attacking it".
const ACCUSING: &[&str] = &["accuse", "blame"];

/// The subjects of the verb of saying or accusing that reports `v`, where
/// `pronoun` is a personal pronoun `v` acts on and `v` has a doer of its
/// own: "Iran said Iraqi troops had attacked it", "Sudan accused Chad of
/// attacking it". The pronoun cannot be the doer (it would be "itself"),
/// so it is the one who speaks of the deed.
fn spoken_of(parse: &Parse, v: usize, pronoun: usize) -> Option<Vec<usize>> {
    let w = parse.words();
    let personal = w[pronoun].upos == Upos::Pron
        && matches!(
            w[pronoun].form.to_lowercase().as_str(),
            "it" | "them" | "him" | "her" | "us"
        );
    if !personal || parse.head(pronoun) != Some(v) {
        return None;
    }
    let h = parse.head(v)?;
    let lemma = |x: usize| w[x].lemma.to_lowercase();
    let speaker_verb = match w[v].deprel {
        // "said Iraqi troops had attacked it": a named subject of its own.
        "ccomp" => {
            let named_subject = parse
                .dependents(v)
                .any(|d| w[d].deprel == "nsubj" && w[d].upos != Upos::Pron);
            (named_subject && REPORTING.contains(&lemma(h).as_str())).then_some(h)
        }
        // "accused Chad of attacking it": the deed of the accused.
        "acl" | "advcl" => {
            let of = parse
                .dependents(v)
                .any(|d| w[d].deprel == "mark" && matches!(lemma(d).as_str(), "of" | "for"));
            let accuser = if w[h].deprel == "obj" {
                parse.head(h)
            } else {
                Some(h)
            };
            accuser.filter(|&x| of && ACCUSING.contains(&lemma(x).as_str()))
        }
        _ => None,
    }?;
    speakers(parse, speaker_verb, pronoun)
}

/// The complement of the reporting verb `v` that condemns what it is said
/// of: a copular clause on an adjective of [`CENSURE`], not negated ("said
/// the resolution was unfair"; "called it illegal" is no complement).
fn censure_clause(parse: &Parse, v: usize) -> Option<usize> {
    let w = parse.words();
    let lemma = |d: usize| w[d].lemma.to_lowercase();
    parse.dependents(v).find(|&c| {
        w[c].deprel == "ccomp"
            && w[c].upos == Upos::Adj
            && CENSURE.contains(&lemma(c).as_str())
            && parse.dependents(c).any(|d| w[d].deprel == "cop")
            && !parse.dependents(c).any(|d| {
                w[d].deprel == "advmod" && matches!(lemma(d).as_str(), "not" | "never" | "n't")
            })
    })
}

/// Whether the verb `v` has a dependent of one of the relations `rels`
/// (by their part before any ':'), or a "not" or "never", of its own: it
/// frames itself and shares no other verb's auxiliaries.
fn frames_itself(parse: &Parse, v: usize, rels: &[&str]) -> bool {
    let w = parse.words();
    parse.dependents(v).any(|d| {
        w[d].deprel
            .split(':')
            .next()
            .is_some_and(|r| rels.contains(&r))
            || (w[d].deprel == "advmod" && matches!(w[d].lemma.as_str(), "not" | "never"))
    })
}

/// The first token over parse word `w`.
fn token_of(word_of: &[Option<usize>], w: usize) -> Option<usize> {
    word_of.iter().position(|&x| x == Some(w))
}

/// How deep below an argument's head its actor may be ("the leader of the
/// group Hamas").
const MAX_DESCENT: usize = 2;

/// The unit at word `w`, or the nearest below it through nominal
/// modifiers, breadth first; `named[u]` tells whether unit `u` names a
/// country or body.
fn unit_below(parse: &Parse, unit_at: &[Option<usize>], named: &[bool], w: usize) -> Option<usize> {
    // Words of one depth, each with whether a locative phrase leads to it.
    let mut level = vec![(w, false)];
    for _ in 0..=MAX_DESCENT {
        // At one depth, an actor that names its country or body comes
        // before a bare role ("military actions by Rwanda": Rwanda), unless
        // it only says where ("a police station in Baghdad": the police).
        let found = || level.iter().filter_map(|&(x, at)| Some((unit_at[x]?, at)));
        let first = found()
            .find(|&(u, at)| named[u] && !at)
            .or_else(|| found().next());
        if let Some((u, _)) = first {
            return Some(u);
        }
        level = level
            .iter()
            .flat_map(|&(x, at)| parse.dependents(x).map(move |d| (d, at)))
            .filter(|&(d, _)| crate::arguments::descends(parse, d))
            .map(|(d, at)| (d, at || crate::arguments::locative_phrase(parse, d)))
            .collect();
    }
    None
}

/// For each token, the word (of `words`, byte spans in text order) that
/// overlaps it most. Token offsets are in characters, so the words' byte
/// offsets are converted first.
fn align(
    text: &str,
    toks: &[Token],
    words: impl Iterator<Item = (usize, usize)>,
) -> Vec<Option<usize>> {
    let mut char_at = vec![0usize; text.len() + 1];
    let mut n = 0;
    for (b, _) in text.char_indices() {
        char_at[b] = n;
        n += 1;
    }
    char_at[text.len()] = n;
    let at = |b: usize| char_at.get(b).copied().unwrap_or(n);
    let spans: Vec<(usize, usize)> = words.map(|(s, e)| (at(s), at(e))).collect();
    // Both are in text order: one pass with a moving first candidate.
    let mut from = 0;
    toks.iter()
        .map(|t| {
            while from < spans.len() && spans[from].1 <= t.start {
                from += 1;
            }
            let mut best: Option<(usize, usize)> = None;
            for (i, &(s, e)) in spans.iter().enumerate().skip(from) {
                if s >= t.end {
                    break;
                }
                let overlap = e.min(t.end).saturating_sub(s.max(t.start));
                if overlap > 0 && best.is_none_or(|(_, o)| overlap > o) {
                    best = Some((i, overlap));
                }
            }
            best.map(|(i, _)| i)
        })
        .collect()
}

/// Whether a relation makes its word a participant of another word, not
/// the head of a clause.
fn participant(deprel: &str) -> bool {
    let base = deprel.split(':').next().unwrap_or(deprel);
    matches!(
        base,
        "nsubj" | "obj" | "iobj" | "obl" | "nmod" | "compound" | "appos" | "flat" | "conj"
    )
}

/// Verbs of naming, whose passive participle takes the name as an object
/// ("a group called the Boulder Battalion").
const NAMING: &[&str] = &["call", "name", "dub", "label", "term", "brand"];

/// Whether dictionary words `words` (upper case) name an event: the first
/// word does ("call for"), or the words written as one do ("gun battle":
/// "gunbattle"; "battle" alone is as often a legal or political one).
pub(crate) fn eventive_phrase(words: &[&str]) -> bool {
    words.first().is_some_and(|w| eventive(w)) || (words.len() > 1 && eventive(&words.concat()))
}

/// Nouns that name an event with its own participants ("Blair's visit to
/// Khartoum", "the talks between Khartoum and the rebels", "the attack on
/// the base", "a stinging rebuke to politicians"): "talks", "visit",
/// "attack", and nouns made from verbs ("negotiations", "withdrawal",
/// "agreement", "bombing"), singular or plural, in any case. In the
/// statecraft reading such a dictionary verb stays a predicate after a
/// determiner (stage `analysis`) and where the parse makes it a
/// participant (stage `grammar`), and the parse gives its arguments.
pub(crate) fn eventive(word: &str) -> bool {
    const EVENTS: &[&str] = &[
        "talk",
        "talks",
        "visit",
        "attack",
        "strike",
        "raid",
        "deal",
        "threat",
        "protest",
        "appeal",
        "demand",
        "call",
        "pledge",
        "ban",
        "bid",
        "offer",
        "plea",
        "claim",
        "charge",
        "aid",
        "support",
        "trip",
        "tour",
        "clash",
        "fight",
        "assault",
        "arrest",
        "release",
        "return",
        "veto",
        "boycott",
        "embargo",
        "sanction",
        "sanctions",
        "accord",
        "truce",
        "ceasefire",
        "cease-fire",
        "summit",
        "meeting",
        "vote",
        "rebuke",
        "praise",
        "blame",
        "warning",
        "request",
        "promise",
        "invitation",
        "response",
        "reply",
        "criticism",
        "clashes",
        "skirmish",
        "shootout",
        "gunbattle",
        "firefight",
        "gunfight",
        "siege",
        "blockade",
        "massacre",
    ];
    let lower = word.to_lowercase();
    let l = lower.strip_suffix('s').unwrap_or(&lower);
    EVENTS.contains(&lower.as_str())
        || EVENTS.contains(&l)
        || ["tion", "sion", "ment", "ing", "ance", "ence", "al", "ure"]
            .iter()
            .any(|s| l.len() > s.len() + 2 && l.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each sentence, a token (upper case) and whether the parse reads it as
    /// a verb.
    #[test]
    fn verbs_by_the_parse() {
        let cases = [
            ("Russian forces attacked the town.", "FORCES", false),
            ("Russian forces attacked the town.", "ATTACKED", true),
            ("Fighting against Islamic State continued.", "STATE", false),
            ("The army forced civilians to leave.", "FORCED", true),
            (
                "Signs at the stadium entrance were removed.",
                "SIGNS",
                false,
            ),
            ("Iran signs the deal.", "SIGNS", true),
            // Nouns that name events stay predicates.
            (
                "Secret negotiations with Cuba led to ties.",
                "NEGOTIATIONS",
                true,
            ),
            (
                "Peace talks between Khartoum and the rebels resumed.",
                "TALKS",
                true,
            ),
            ("The allies of Syria met.", "ALLIES", false),
            // An eventive noun modifying a noun is none.
            ("Jordanian aid workers arrived.", "AID", false),
            ("Jordanian aid to Iraq arrived.", "AID", true),
            // A participle the parse makes a preposition is none.
            (
                "Iran froze nuclear work including uranium enrichment.",
                "INCLUDING",
                false,
            ),
            (
                "Iran froze nuclear work including uranium enrichment.",
                "FROZE",
                true,
            ),
        ];
        for (text, token, verb) in cases {
            let toks = statecraft_text::tokenize(text);
            let t = toks.iter().position(|t| t.text == token).unwrap();
            let g = Grammar::new(text, &toks);
            assert_eq!(!g.not_a_verb(t), verb, "{text:?} {token}");
        }
    }

    /// The verb whose object an eventive noun is, as a token, also after
    /// text whose characters take several bytes.
    #[test]
    fn verb_of_an_object() {
        for text in [
            "Iran sought talks with the rebels.",
            "Министр иностранных дел Лавров said Iran sought talks with the rebels.",
        ] {
            let toks = statecraft_text::tokenize(text);
            let at = |w: &str| toks.iter().position(|t| t.text == w).unwrap();
            let g = Grammar::new(text, &toks);
            assert_eq!(g.verb_of_object(at("TALKS")), Some(at("SOUGHT")), "{text}");
            assert_eq!(g.verb_of_object(at("REBELS")), None, "{text}");
        }
    }
}
