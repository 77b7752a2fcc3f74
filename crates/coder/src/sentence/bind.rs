//! Stage bind: a coded verb's events. Who acts on whom comes from the
//! parse's participants ([`super::roles`], statecraft reading), else from
//! the pattern's slots and the actors' positions; each side's actors are
//! gathered (with the options' default source and target) and paired.

use super::roles::TreeRoles;
use super::visible::Visible;
use super::RawEvent;
use crate::analysis::Unit;
use crate::engine::Bind;
use crate::explain::SentenceTrace;
use crate::grammar::Grammar;
use crate::options::Options;
use statecraft_dict::EventCode;
use statecraft_types::ActorCode;
use std::cell::RefCell;

/// What binding a sentence's verbs to their actors reads: the sentence in
/// visible coordinates, the options, and the statecraft reading's
/// context and parse.
pub(super) struct Ctx<'a> {
    pub(super) vis: &'a [usize],
    pub(super) toks: &'a [&'a str],
    /// Visible positions of clause-delimiting commas.
    pub(super) barrier: &'a [bool],
    pub(super) units: &'a [Unit],
    pub(super) opts: &'a Options,
    /// The country of roles named without one (statecraft reading).
    pub(super) context: Option<&'a str>,
    /// The tags and parse (statecraft reading, where one was made).
    pub(super) grammar: Option<&'a Grammar<'a>>,
    /// Where `explain` records candidates.
    pub(super) trace: Option<&'a RefCell<SentenceTrace>>,
    /// Whether an earlier verb of the clause made an event: then only
    /// events whose source and target the parse gives are made.
    pub(super) secondary: std::cell::Cell<bool>,
}

pub(super) type Side = Vec<(ActorCode, Option<(usize, usize)>)>;

/// Verbs and nouns of acts (lemmas) whose coordinated subjects act on
/// each other: "Russia and Belarus agreed to ...", "Thailand and
/// Palestine signed a peace accord", "Guinea and Mauritius have signed
/// the deal".
const RECIPROCAL: &[&str] = &[
    "agree",
    "sign",
    "cooperate",
    "coordinate",
    "collaborate",
    "ally",
    "reconcile",
    "normalize",
    "normalise",
    "negotiate",
    "meet",
    "talk",
    "discuss",
    "consult",
    "exchange",
    "trade",
    "unite",
    "merge",
    "partner",
    "establish",
    "restore",
    "resume",
    "renew",
    "reach",
    "conclude",
    "ratify",
    "settle",
    "deal",
    "agreement",
    "accord",
    "pact",
    "treaty",
    "relation",
    "tie",
    "cooperation",
    "alliance",
    "partnership",
    "talks",
    "negotiation",
    "dialogue",
    "understanding",
    "truce",
    "ceasefire",
    "peace",
];

/// A verb occurrence to bind: what its pattern matched, where it stands,
/// its clause, and what the clause inherits.
pub(super) struct Occurrence<'b> {
    /// The pattern's slots.
    pub bind: &'b Bind,
    /// The pattern that matched, if any.
    pub pattern: Option<&'b str>,
    /// The verb's first and last visible token.
    pub vf: usize,
    pub vl: usize,
    /// The clause's bounds, visible positions `[lo, hi)`.
    pub lo: usize,
    pub hi: usize,
    /// The unit an earlier clause hands on.
    pub carried: Option<usize>,
    /// Whether a subject of the clause's own comes before the carried one.
    pub prefer_own: bool,
    /// Whether the verb is coded as an intention ("expects to resume
    /// exports to Singapore"): only the one who intends acts.
    pub intended: bool,
}

/// The verb occurrence being bound, with what the binding steps read of
/// it: its code, the parse's participants and the places among them.
pub(super) struct Binding<'v> {
    pub(super) at: &'v Occurrence<'v>,
    /// The code as the dictionary gives it (before an implied act's).
    code: &'v str,
    /// The reverse event's code.
    pub(super) paired: Option<&'v str>,
    pub(super) subordinate: bool,
    pub(super) dominant: bool,
    /// The parse's participants, where the parse decides.
    tree: Option<&'v TreeRoles>,
    /// Units that are only where the act happens.
    places: &'v [usize],
    /// An act that runs both ways between coordinated sides.
    mutual: bool,
    /// The pattern placed a source, target or compound.
    designated: bool,
}

/// Who acts on whom, as the binding steps decide it.
pub(super) struct Parties {
    source: Option<usize>,
    pub(super) target: Option<usize>,
    /// How a compound pairs with itself: "%" codes both directions,
    /// a default self-target only the forward one (plus a paired code).
    pub(super) self_pairs: Option<bool>,
    /// The authority a passive act of law implies (stage implied).
    implied: Option<(ActorCode, Option<&'static str>)>,
}

/// The actors on each side of a verb's events, and the code they pair by.
pub(super) struct Sides<'c> {
    pub(super) src: Side,
    pub(super) tgt: Side,
    pub(super) code: &'c str,
}

/// Verbs (upper case, as tokens) of a journey, whose place is the one
/// visited ("arrive in China", "travel to Cairo").
const TRAVEL_STEMS: &[&str] = &[
    "ARRIV", "VISIT", "TRAVEL", "GO", "WENT", "GOING", "COME", "CAME", "FLY", "FLEW", "HEAD",
    "RETURN", "TOUR", "STOP",
];

impl<'a> Ctx<'a> {
    /// The binding context of a sentence in visible coordinates.
    pub(super) fn new(
        view: &'a Visible<'_>,
        opts: &'a Options,
        context: Option<&'a str>,
        grammar: Option<&'a Grammar<'a>>,
        trace: Option<&'a RefCell<SentenceTrace>>,
    ) -> Ctx<'a> {
        Ctx {
            vis: &view.vis,
            toks: &view.vtexts,
            barrier: &view.vbarrier,
            units: &view.units,
            opts,
            context,
            grammar,
            trace,
            secondary: std::cell::Cell::new(false),
        }
    }
}

impl Ctx<'_> {
    /// Whether unit `b` has a code that unit `a` lacks.
    fn distinct(&self, a: usize, b: usize) -> bool {
        let (ua, ub) = (&self.units[a], &self.units[b]);
        !ub.members
            .iter()
            .all(|m| ua.members.iter().any(|x| x.code == m.code))
    }

    /// The authority a passive act of law at visible token `vf` implies,
    /// and the act's code where it is not the dictionary's: the role under
    /// the country where it happened, else the one acted on's, else the
    /// story's. None for other acts, or where no one is acted on.
    fn implied_authority(
        &self,
        vf: usize,
        t: &TreeRoles,
    ) -> Option<(ActorCode, Option<&'static str>)> {
        let a = crate::implied::authority(self.toks[vf])?;
        let patient = t.patient?;
        let state = |u: usize| {
            self.units[u]
                .members
                .iter()
                .find_map(|m| m.code.country().filter(|c| crate::places::is_country(c)))
        };
        let country = t
            .places
            .iter()
            .find_map(|&u| state(u))
            .or_else(|| state(patient))
            .or(self.context)?;
        Some((ActorCode::new(format!("{country}{}", a.role)), a.code))
    }

    /// Whether the verb at visible token `vf`, coded `code`, is a plea to
    /// a court ("pleaded guilty": 015, "pleaded not guilty": 016; see
    /// `statecraft.verbs.txt`), in the statecraft reading.
    pub(super) fn plea(&self, vf: usize, code: &str) -> bool {
        self.opts.statecraft
            && matches!(code, "015" | "016")
            && self.toks.get(vf).is_some_and(|t| t.starts_with("PLE"))
    }

    /// The actors of unit `u`, each with its visible token span.
    pub(super) fn side(&self, u: usize) -> Side {
        self.units[u]
            .members
            .iter()
            .map(|m| (m.code.clone(), Some(self.span(m.tokens))))
            .collect()
    }

    /// Stage bind: the events of the verb occurrence `at` coded `code`.
    /// Who acts on whom comes from the parse ([`Ctx::parse_parties`]),
    /// else the pattern and the actors' positions
    /// ([`Ctx::fallback_parties`]); the sides ([`Ctx::sides`]) are paired
    /// ([`Ctx::pairs`]). Sets `clause_source` to the source unit when
    /// both sides have actors.
    pub(super) fn make_events(
        &self,
        code: &EventCode,
        at: &Occurrence<'_>,
        clause_source: &mut Option<usize>,
    ) -> Vec<RawEvent> {
        let EventCode::Event {
            code,
            paired,
            subordinate,
            dominant,
        } = code
        else {
            return Vec::new();
        };
        let (vf, vl) = (at.vf, at.vl);
        let (tree, compound_parsed) = self.parse_roles(at);
        if self.secondary.get() && tree.is_none() && !compound_parsed {
            return Vec::new();
        }
        // A place visited is the host of a visit ("arrived in China"), and
        // a party; so is a place a pattern of meeting or intent names ("$
        // * + IN ^"). A verb that meets only by its block's default code
        // ("faced defeat in Iraq": 040) meets no place.
        // In the statecraft reading only a journey's place is visited: a
        // meeting or talks "in Brussels" are held there, with no host.
        let travel = !self.opts.statecraft
            || self
                .toks
                .get(vf)
                .is_some_and(|w| TRAVEL_STEMS.iter().any(|s| w.starts_with(s)));
        let hosts = ["042", "043"].iter().any(|r| code.starts_with(r))
            || (travel && at.pattern.is_some() && ["03", "04"].iter().any(|r| code.starts_with(r)));
        let mut places: Vec<usize> = match &tree {
            Some(t) if !hosts => t.places.clone(),
            _ => Vec::new(),
        };
        // Nor is a place of another verb of the sentence a party to a
        // verbal act ("is to say ... as he chairs a meeting in Ethiopia"),
        // where force in a country, or the threat of it, may be against
        // it ("threatened to launch strikes in Congo").
        let verbal = ["01", "02", "03", "04", "05", "08", "10", "11", "12", "14"]
            .iter()
            .any(|r| code.starts_with(r));
        if let Some(g) = self
            .grammar
            .filter(|_| verbal && !hosts && self.opts.statecraft)
        {
            let at = |u: &Unit| g.locative(self.vis[u.first], self.vis[u.last]);
            let more: Vec<usize> = (0..self.units.len())
                .filter(|&u| !places.contains(&u) && at(&self.units[u]))
                .collect();
            places.extend(more);
        }
        // Nor is a place named by its bearing ("a convoy north of
        // Baghdad"): nothing happened to it, or in it.
        if let Some(g) = self.grammar.filter(|_| self.opts.statecraft) {
            let bearing = |u: &Unit| g.directional(self.vis[u.first], self.vis[u.last]);
            let more: Vec<usize> = (0..self.units.len())
                .filter(|&u| !places.contains(&u) && bearing(&self.units[u]))
                .collect();
            places.extend(more);
        }
        let places = &places[..];
        let bind = at.bind;
        let mut parties = Parties {
            source: bind.source,
            target: bind.target,
            self_pairs: None,
            implied: None,
        };
        if let Some(c) = bind.compound {
            parties.source = Some(c);
            parties.target = Some(c);
            parties.self_pairs = Some(true);
        }
        let designated = bind.source.is_some() || bind.target.is_some() || bind.compound.is_some();
        // An act that runs both ways between coordinated sides: the
        // dictionary pairs its code with the reverse, or it is mutual by
        // nature (a meeting, a clash).
        let mutual =
            paired.is_some() || crate::filters::mutual(code, self.toks.get(vf..=vl).unwrap_or(&[]));
        if let (Some(t), Some(trace)) = (&tree, self.trace) {
            self.trace_roles(&mut trace.borrow_mut(), t);
        }
        let v = Binding {
            at,
            code,
            paired: paired.as_deref(),
            subordinate: *subordinate,
            dominant: *dominant,
            tree: tree.as_ref(),
            places,
            mutual,
            designated,
        };
        if let Some(t) = &tree {
            if !self.parse_parties(t, &v, &mut parties) {
                return Vec::new();
            }
        }
        self.petrarch_compound(at, &mut parties);
        let before_verb = self.fallback_parties(&v, &mut parties);
        // Passive voice: an auxiliary shortly before the verb and BY just
        // after it reverse the roles, unless the pattern placed them.
        if !designated
            && tree.is_none()
            && parties.self_pairs.is_none()
            && parties.source.is_some()
            && parties.target.is_some()
            && self.passive(vf, vl)
        {
            std::mem::swap(&mut parties.source, &mut parties.target);
        }
        let Some(sides) = self.sides(&v, before_verb, &mut parties) else {
            return Vec::new();
        };
        *clause_source = parties.source;
        self.pairs(&v, &sides, &parties)
    }

    /// Stage arguments (statecraft reading): the parse's participants of
    /// the verb, unless the pattern places a compound; then whether the
    /// compound takes part in the act by the parse (or follows the verb).
    fn parse_roles(&self, at: &Occurrence<'_>) -> (Option<TreeRoles>, bool) {
        let (vf, vl) = (at.vf, at.vl);
        // Stage arguments (statecraft reading): the parse's subject,
        // object and obliques decide who acts on whom; places are where.
        let parsed = self.tree_roles(vf, vl, at.pattern);
        // A compound the pattern places ("* BETWEEN %") is the pattern's;
        // a later verb of the clause takes it where the parse makes it a
        // participant ("the failure of talks between Khartoum and the
        // rebels").
        match at.bind.compound {
            None => (parsed, false),
            Some(c) => {
                let cu = &self.units[c];
                let overlaps = |u: &usize| {
                    let u = &self.units[*u];
                    u.first <= cu.last && cu.first <= u.last
                };
                // Or right after it, whatever the parse attached it to.
                let adjacent = cu.first > vl && cu.first <= vl + 2;
                let takes_part = adjacent
                    || parsed.as_ref().is_some_and(|t| {
                        t.agents.iter().any(overlaps)
                            || t.patient.iter().any(overlaps)
                            || t.co_patients.iter().any(overlaps)
                    });
                (None, takes_part)
            }
        }
    }

    /// Who acts on whom by the parse's participants `t`. False where the
    /// verb has no event: a subject that is not an actor, a passive with
    /// no agent that no authority implies, a later verb of the clause
    /// without both sides, or a statement with no pattern.
    /// Whether unit `u` is what a verb of sending or providing (CAMEO
    /// root 07) sends, named by the pattern's words after the verb ("sent
    /// troops into Iraq", "deployed soldiers"), not the one it goes to
    /// (statecraft reading). Forces trained, armed or funded are the ones
    /// helped, and stay the target.
    fn given(&self, v: &Binding<'_>, u: usize) -> bool {
        const SENDING: &[&str] = &[
            "SEND",
            "SENT",
            "DEPLOY",
            "DISPATCH",
            "DESPATCH",
            "PROVID",
            "CONTRIBUT",
            "COMMIT",
            "SUPPL",
            "LEND",
            "LENT",
            "STATION",
            "AIRLIFT",
        ];
        let unit = &self.units[u];
        self.opts.statecraft
            && v.code.starts_with("07")
            && self
                .toks
                .get(v.at.vf)
                .is_some_and(|w| SENDING.iter().any(|s| w.starts_with(s)))
            && unit.first > v.at.vl
            && v.at.bind.uses(unit.first, unit.last)
    }

    /// Whether unit `u` is named, after the verb, as where something goes:
    /// "to", "into" or "onto" just before it, an article aside.
    fn destination(&self, v: &Binding<'_>, u: usize) -> bool {
        let vl = v.at.vl;
        let mut p = self.units[u].first;
        while p > vl + 1 && matches!(self.toks[p - 1], "THE" | "A" | "AN") {
            p -= 1;
        }
        p > vl + 1 && matches!(self.toks[p - 1], "TO" | "INTO" | "ONTO")
    }

    fn parse_parties(&self, t: &TreeRoles, v: &Binding<'_>, parties: &mut Parties) -> bool {
        let bind = v.at.bind;
        if t.faceless {
            return false;
        }
        if !self.agentless_passive(t, v, parties) {
            return false;
        }
        if self.secondary.get() && (t.agents.is_empty() || t.patient.is_none()) {
            return false;
        }
        if let Some(why) = self.refused(t, v, parties) {
            self.note(why);
            return false;
        }
        if let Some(&a) = t.agents.first() {
            parties.source = Some(a);
        }
        match t.patient {
            // "sent troops into Iraq" (`* &MILITARY`): what is given or
            // sent is not whom it goes to.
            Some(x) if self.given(v, x) => {
                parties.target = parties.target.filter(|&t| self.destination(v, t));
            }
            Some(x) => parties.target = Some(x),
            None if parties.target.is_some_and(|x| v.places.contains(&x)) => parties.target = None,
            None => {}
        }
        // Only where the parse agrees on who is who: the pattern's
        // target is the subject and its source the one acted on.
        let agrees = t.agents.first().is_some_and(|&a| bind.target == Some(a))
            && t.patient.is_some_and(|x| bind.source == Some(x));
        if t.inverted && agrees {
            std::mem::swap(&mut parties.source, &mut parties.target);
        }
        let several =
            t.agents.len() > 1 || t.agents.first().is_some_and(|&a| self.units[a].compound);
        if t.patient.is_none() && several && self.together(v) {
            // "Insurgents and American forces clashed".
            parties.target = parties.source;
            parties.self_pairs = Some(true);
        }
        true
    }

    /// Whether coordinated actors with no one else to act on do the act
    /// `v` to each other: a mutual act that is a meeting, a fight or a
    /// reciprocal verb ("agreed", "signed") or one whose object is
    /// ("deepen a partnership"), not cooperation one side does
    /// for another ("the United States, Britain and France offered support
    /// to the African Union force").
    fn together(&self, v: &Binding<'_>) -> bool {
        let (vf, vl) = (v.at.vf, v.at.vl);
        v.mutual
            && (v.code.starts_with("04")
                || crate::filters::fighting(self.toks.get(vf..=vl).unwrap_or(&[]))
                || self.grammar.is_none_or(|g| {
                    g.lemma_in(self.vis[vf], RECIPROCAL)
                        || g.object_lemma_in(self.vis[vf], RECIPROCAL)
                }))
    }

    /// Why the parse's participants `t` give the verb no event, if they
    /// do not.
    fn refused(&self, t: &TreeRoles, v: &Binding<'_>, parties: &Parties) -> Option<&'static str> {
        let bind = v.at.bind;
        let doerless = t.agents.is_empty() && bind.source.is_none();
        // "two attacks Sunday blamed on Kurdish rebels": a participle that
        // modifies a noun and names no one who acts has no source in the
        // clause around it.
        if t.modifier && doerless && parties.implied.is_none() {
            return Some("a participle modifying a noun names no one who acts: no event");
        }
        // A verb of saying with no pattern of its own ("said", "told")
        // and someone it acts on by the parse is a statement to the
        // press or about someone in what is said: no event.
        if v.at.pattern.is_none() && v.code.starts_with("01") && t.patient.is_some() {
            return Some("a statement with no pattern: no event");
        }
        // A harm named by a noun whose parse names no doer has none where
        // the noun stands apart from the clause's actors. A side of a
        // clash is theirs ("officers were wounded in clashes with
        // protesters", "during clashes with the rebels").
        let named_apart = doerless && crate::filters::harms(v.code) && !v.mutual;
        if let (Some(g), true) = (self.grammar, named_apart) {
            let noun = self.vis[v.at.vf];
            // "A Czech parliamentarian was killed in an attack in Amman":
            // in an oblique of a passive, whose subject suffered it.
            if parties.implied.is_none() && g.passive_oblique(noun) {
                return Some(
                    "a harm a passive's subject suffered, whose parse names no doer: no event",
                );
            }
            // "said Monday after the assassination in Damascus of a
            // leader": in a phrase of time or circumstance; the actors
            // around it in the sentence did not do it. ("During his visit
            // to Hanoi, the president said": a visit, talks or a meeting
            // is the subject's.)
            if g.circumstance_at(noun) {
                return Some(
                    "an act named after \"after\" or the like, whose parse names no doer: no event",
                );
            }
        }
        // "is flying the migrants to Libya": a verb of going that carries
        // an object of its own somewhere is no visit by its subject.
        if let (Some(g), Some(u), "042") = (self.grammar, t.patient, v.code) {
            let unit = &self.units[u];
            if g.other_object(self.vis[v.at.vf], self.vis[unit.first], self.vis[unit.last]) {
                return Some("a verb of going that carries its object: no visit");
            }
        }
        // "called them unconstitutional", "called a ceasefire": a call
        // coded by its verb alone (041) is a call only to its one object.
        let verb = self.vis[v.at.vf];
        if let (Some(g), None, true) = (self.grammar, v.at.pattern, v.code.starts_with("04")) {
            let called = t.patient.is_some_and(|u| {
                let unit = &self.units[u];
                g.calls(verb, self.vis[unit.first], self.vis[unit.last])
            });
            if g.call_verb(verb) && !called {
                return Some("a call that names, declares or calls out: no telephone call");
            }
        }
        // "joined NATO", "joined Britain in support of": joining is
        // membership or company, no meeting.
        // (Nor is the wish to join one: "wants to join NATO", 036.)
        let meeting = v.code.starts_with("04") || v.code == "036";
        if let (Some(g), true) = (self.grammar, meeting) {
            if g.joins(self.vis[v.at.vf]) {
                return Some("joining a body, a cause or someone: no meeting");
            }
        }
        // "taking part in an operation against", "took office", "held
        // funerals for": take and hold with a thing for their object seize
        // and hold only that thing.
        if let (Some(g), true) = (self.grammar, v.code.starts_with("17")) {
            if g.light_take(self.vis[v.at.vf], &self.unit_spans().0) {
                return Some("take or hold with a thing for its object: no coercion");
            }
        }
        // "held a phone conversation with the Egyptian president": a verb
        // of coercion whose object is a thing, not the one it is done
        // with, holds or seizes no one.
        if let (Some(g), Some(u), true) = (self.grammar, t.patient, v.code.starts_with("17")) {
            let unit = &self.units[u];
            let (first, last) = (self.vis[unit.first], self.vis[unit.last]);
            if g.done_with(self.vis[v.at.vf], first, last) {
                return Some(
                    "a verb of coercion whose object is a thing done with someone: no coercion",
                );
            }
        }
        // "condemned the assassination of a Hamas leader": an act a verb
        // judges, answers or tells of, whose parse names no doer, is not
        // the judge's.
        if doerless
            && self
                .grammar
                .is_some_and(|g| g.reacted_to(self.vis[v.at.vf]))
        {
            return Some("an act judged or answered, whose parse names no doer: no event");
        }
        // "two reporters still held hostage in Iraq" (`+ * &PREPOSIT1 $`):
        // a place the pattern makes the source is where, not who; and no
        // one else the parse names acts.
        if t.agents.is_empty() && parties.source.is_some_and(|s| self.is_place(t, s)) {
            return Some(
                "the pattern's source is a place and the parse names no one who acts: no event",
            );
        }
        None
    }

    /// Records `why` for `explain`, when tracing.
    fn note(&self, why: &str) {
        if let Some(trace) = self.trace {
            trace.borrow_mut().note(why);
        }
    }

    /// Whether unit `u` is a place by the parse: one of the verb's places,
    /// or after a locative preposition.
    fn is_place(&self, t: &TreeRoles, u: usize) -> bool {
        let unit = &self.units[u];
        t.places.contains(&u)
            || self
                .grammar
                .is_some_and(|g| g.locative(self.vis[unit.first], self.vis[unit.last]))
    }

    /// Stage implied: a passive whose agent the parse does not name. An
    /// act of law is the authorities' (`parties.implied`, and no source unit);
    /// any other has no event (false), unless the pattern places a source
    /// that is not a place.
    fn agentless_passive(&self, t: &TreeRoles, v: &Binding<'_>, parties: &mut Parties) -> bool {
        if !t.passive || !t.agents.is_empty() {
            return true;
        }
        // Only an authority does it ("was arrested"), whoever the pattern
        // makes its source.
        parties.implied = self.implied_authority(v.at.vf, t);
        // "Two Americans were abducted from their home in Baghdad": a
        // passive that names no agent has no source, unless the pattern
        // places one that is not a place (the guide: not coded).
        // (A place is where, whatever the parse hangs it on: "reporters
        // held hostage in Iraq".)
        let placed_source = v.at.bind.source.is_some_and(|s| !self.is_place(t, s));
        if parties.implied.is_none() && placed_source {
            return true;
        }
        // "Two Russian diplomats were expelled from Britain": a state the
        // pattern places as the source, named as where the act sends its
        // patient from, is the authority that acted.
        let state = |u: usize| {
            let unit = &self.units[u];
            let mut p = unit.first;
            while p > 0 && self.toks[p - 1] == "THE" {
                p -= 1;
            }
            p > 0
                && self.toks[p - 1] == "FROM"
                && unit.members.iter().all(|m| {
                    m.code.country().is_some_and(crate::places::is_country)
                        && m.code
                            .role_chunks()
                            .all(|r| matches!(r, "GOV" | "JUD" | "COP" | "LEG"))
                })
        };
        if placed_source && v.at.bind.source.is_some_and(state) {
            parties.implied = None;
            return true;
        }
        self.note(match parties.implied {
            Some(_) => "a passive without its agent: an act of law, by the authorities",
            None => "a passive without its agent: no event",
        });
        if parties.implied.is_none() {
            return false;
        }
        parties.source = None;
        true
    }

    /// PETRARCH reads the pattern's compound (`%`) as one side only.
    fn petrarch_compound(&self, at: &Occurrence<'_>, parties: &mut Parties) {
        if self.opts.petrarch {
            // PETRARCH reads % as the compound in its position: the
            // object after the verb, the subject before it. (The
            // statecraft reading pairs its members: "talks between
            // Khartoum and the rebels".)
            if let Some(c) = at.bind.compound.filter(|_| !self.opts.statecraft) {
                parties.self_pairs = None;
                if self.units[c].first > at.vl {
                    parties.source = None;
                } else {
                    parties.target = None;
                }
            }
        }
    }

    /// The fallback source and target: where the pattern and the parse
    /// leave a side open, the clause's actors by position (and the unit an
    /// earlier clause carries). Returns the first actor before the verb
    /// that the verb can reach.
    fn fallback_parties(&self, v: &Binding<'_>, parties: &mut Parties) -> Option<usize> {
        let Occurrence {
            bind,
            vf,
            vl,
            lo,
            hi,
            carried,
            prefer_own,
            ..
        } = *v.at;
        let places = v.places;
        let in_clause = |i: usize| {
            let u = &self.units[i];
            u.first >= lo
                && u.first < hi
                && !bind.skipped.contains(&i)
                && !places.contains(&i)
                && !self.given(v, i)
        };
        let n = self.units.len();
        let petrarch = self.opts.petrarch;
        // PETRARCH looks for the object within the verb's own comma clause.
        let reachable = |i: usize| {
            let u = &self.units[i];
            if !petrarch {
                return true;
            }
            let (a, b) = if u.first > vl {
                (vl + 1, u.first)
            } else {
                (u.last + 1, vf)
            };
            // Nor does it look into a subordinate clause ("after a hafling
            // was reported on the pass of Cirith Ungol").
            let subordinate = u.first > vl
                && !self.opts.statecraft
                && (a..b).any(|p| SUBORDINATORS.contains(&self.toks[p]));
            !(a..b).any(|p| self.barrier[p]) && !subordinate
        };
        let before_verb =
            (0..n).find(|&i| in_clause(i) && self.units[i].first < vf && reachable(i));
        let after_verb = (0..n).find(|&i| in_clause(i) && self.units[i].first > vl);
        if parties.source.is_none() && parties.implied.is_none() {
            parties.source = match parties.target {
                Some(t) => (0..n).find(|&i| in_clause(i) && self.distinct(t, i)),
                None if prefer_own => before_verb.or(carried).or(after_verb.filter(|_| !petrarch)),
                None if petrarch => carried.or(before_verb),
                None => carried.or(before_verb).or(after_verb),
            };
        }
        // With a parse that names no one acted on, an actor is the
        // target only below the verb ("a man who died after ... has
        // demanded the chief constable resign": the constable is not the
        // dead man's).
        // Nor in a phrase of time or circumstance of the verb ("said Monday
        // after the assassination of a Hamas leader": Hamas is no
        // addressee).
        let governed = |i: usize| {
            let u = &self.units[i];
            match (v.tree, self.grammar) {
                (Some(_), Some(g)) => {
                    let (verb, span) = (
                        (self.vis[vf], self.vis[vl]),
                        (self.vis[u.first], self.vis[u.last]),
                    );
                    g.below(verb, span.0, span.1) && !g.in_circumstance(verb, span.0, span.1)
                }
                _ => true,
            }
        };
        // "blew himself up and killed five policemen": a verb whose object
        // is its own subject acts on no one else (statecraft reading).
        let on_itself = self.opts.statecraft
            && v.tree.is_some()
            && self
                .grammar
                .is_some_and(|g| g.reflexive_object(self.vis[vf], self.vis[vl]));
        // What is given or sent goes to someone named as where it goes
        // ("sent troops into Iraq"), not to anyone in the clause.
        let giving = (0..n).any(|i| self.given(v, i));
        let destination = |i: usize| self.destination(v, i);
        if parties.target.is_none() && !on_itself {
            if let Some(s) = parties.source {
                let after = (0..n).find(|&i| {
                    in_clause(i)
                        && self.units[i].first > vl
                        && self.distinct(s, i)
                        && reachable(i)
                        && governed(i)
                        && (!giving || destination(i))
                });
                let before = (0..n).rev().find(|&i| {
                    !petrarch
                        && !giving
                        && in_clause(i)
                        && self.units[i].first < vf
                        && self.distinct(s, i)
                        && governed(i)
                });
                parties.target = after.or(before);
                if self.opts.statecraft {
                    if let Some(u) = self.exemplified(vl, hi) {
                        parties.target = Some(u);
                    }
                }
                // Coordinated actors act on each other only in a mutual act
                // (statecraft reading): "South Korean and U.S. officials
                // said" is no statement of one to the other.
                if parties.target.is_none()
                    && self.units[s].compound
                    && (!self.opts.statecraft || self.together(v))
                {
                    parties.target = Some(s);
                    parties.self_pairs = Some(petrarch && bind.compound.is_some());
                }
            }
        }
        before_verb
    }

    /// The actors on each side: the source and target units (an implied
    /// authority for the source, with its act's code), coordinated agents
    /// and patients, the options' default source and target, and unknown
    /// actors where a dyad is not required. None where a side is empty.
    fn sides<'c>(
        &self,
        v: &Binding<'c>,
        before_verb: Option<usize>,
        parties: &mut Parties,
    ) -> Option<Sides<'c>> {
        let (source, target) = (parties.source, parties.target);
        let mut src: Side = source.map(|s| self.side(s)).unwrap_or_default();
        let code: &str = match &parties.implied {
            Some((authority, act)) => {
                src = vec![(authority.clone(), None)];
                act.unwrap_or(v.code)
            }
            None => v.code,
        };
        let mut tgt: Side = target.map(|t| self.side(t)).unwrap_or_default();
        // "pleaded guilty": a plea is made to the court, the only possible
        // addressee (the guide), of the pleader's country.
        let plea = self.plea(v.at.vf, code);
        let court = |side: &Side| {
            side.iter()
                .any(|(c, _)| c.role_chunks().any(|r| r == "JUD"))
        };
        if plea && !court(&tgt) {
            let country = src
                .iter()
                .find_map(|(c, _)| c.country().filter(|c| crate::places::is_country(c)));
            tgt = country
                .map(|c| vec![(ActorCode::new(format!("{c}JUD")), None)])
                .unwrap_or_default();
        }
        if let Some(t) = v.tree {
            // Coordinated agents or patients in units of their own.
            let more = |side: &mut Side, units: &[usize]| {
                for m in units.iter().flat_map(|&u| self.side(u)) {
                    if !side.contains(&m) {
                        side.push(m);
                    }
                }
            };
            let (actors, acted_on) = if t.inverted && source == t.patient {
                (&mut tgt, &mut src)
            } else {
                (&mut src, &mut tgt)
            };
            if !actors.is_empty() {
                more(actors, t.agents.get(1..).unwrap_or(&[]));
            }
            if t.patient
                .is_some_and(|x| [source, target].contains(&Some(x)))
            {
                more(acted_on, &t.co_patients);
            }
        }
        // Whether the target in hand is an actor after the verb (for AFTER).
        let target_after = target.is_some_and(|t| self.units[t].first > v.at.vl)
            && parties.self_pairs != Some(false);
        let mut sides = Sides { src, tgt, code };
        self.default_sides(v, before_verb, target_after, parties, &mut sides);
        if sides.src.is_empty() || sides.tgt.is_empty() {
            return None;
        }
        Some(sides)
    }

    /// The options' default source and target (TABARI's `SOURCE`,
    /// `TARGET`), and unknown actors for an empty side where a dyad is not
    /// required.
    fn default_sides(
        &self,
        v: &Binding<'_>,
        before_verb: Option<usize>,
        mut target_after: bool,
        parties: &mut Parties,
        sides: &mut Sides<'_>,
    ) {
        let Sides { src, tgt, .. } = sides;
        let (source, target) = (parties.source, parties.target);
        let (vl, carried, designated) = (v.at.vl, v.at.carried, v.designated);
        if let Some(d) = &self.opts.default_source {
            if src.is_empty()
                || (self.opts.default_source_prior
                    && before_verb.is_none()
                    && carried.is_none()
                    && !designated)
            {
                if let Some(s) =
                    source.filter(|_| target.is_none() || parties.self_pairs == Some(false))
                {
                    // The only actor found is after the verb: it is the target.
                    *tgt = self.side(s);
                    target_after = self.units[s].first > vl;
                    parties.self_pairs = None;
                }
                *src = vec![(ActorCode::new(d.as_str()), None)];
            }
        }
        if let Some(d) = &self.opts.default_target {
            if tgt.is_empty() || (self.opts.default_target_after && !target_after && !designated) {
                *tgt = vec![(ActorCode::new(d.as_str()), None)];
                parties.self_pairs = None;
            }
        }
        if !self.opts.require_dyad {
            if src.is_empty() {
                *src = vec![(ActorCode::unknown(), None)];
            }
            if tgt.is_empty() {
                *tgt = vec![(ActorCode::unknown(), None)];
            }
        }
    }

    /// A visible token span of the unit's member (original positions).
    fn span(&self, t: (usize, usize)) -> (usize, usize) {
        let find = |o: usize| self.vis.iter().position(|&v| v == o).unwrap_or(0);
        (find(t.0), find(t.1))
    }

    /// "relations with countries ..., such as North Korea and Russia": the
    /// actors named after SUCH AS / INCLUDING stand for the generic plural.
    fn exemplified(&self, vl: usize, hi: usize) -> Option<usize> {
        const GENERIC: &[&str] = &[
            "COUNTRIES",
            "NATIONS",
            "STATES",
            "GOVERNMENTS",
            "ALLIES",
            "PARTNERS",
            "NEIGHBORS",
            "NEIGHBOURS",
            "POWERS",
            "REGIMES",
            "MEMBERS",
        ];
        let hi = hi.min(self.toks.len());
        let at = (vl + 1..hi).find(|&p| {
            (self.toks[p] == "SUCH" && self.toks.get(p + 1) == Some(&"AS"))
                || self.toks[p] == "INCLUDING"
        })?;
        if !(vl + 1..at).any(|p| GENERIC.contains(&self.toks[p])) {
            return None;
        }
        self.units.iter().position(|u| u.first > at && u.first < hi)
    }

    /// WAS/WERE/BEEN one or two words before the verb and BY within two
    /// words after it.
    fn passive(&self, vf: usize, vl: usize) -> bool {
        let aux = |p: usize| matches!(self.toks[p], "WAS" | "WERE" | "BEEN");
        let before = (vf >= 1 && aux(vf - 1)) || (vf >= 2 && aux(vf - 2));
        let by = (vl + 1..(vl + 3).min(self.toks.len())).any(|p| self.toks[p] == "BY");
        before && by
    }
}

/// Words that open a subordinate clause, which PETRARCH's parse keeps
/// apart from the verb's own object.
const SUBORDINATORS: &[&str] = &[
    "AFTER", "BEFORE", "WHEN", "WHILE", "BECAUSE", "SINCE", "UNTIL", "UNLESS", "ALTHOUGH",
    "THOUGH", "IF", "WHERE", "WHEREAS", "WHICH", "WHO", "WHOSE",
];
