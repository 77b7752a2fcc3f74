//! Stage bind, pairing: the events of a verb's two sides, source with
//! target, as the statecraft reading places and keeps them.

use super::bind::{Binding, Ctx, Parties, Sides};
use super::RawEvent;
use statecraft_types::ActorCode;

impl Ctx<'_> {
    /// The events of the sides: each source with each target (or a
    /// compound's members with each other), with the paired reverse code;
    /// roles placed in the context's country, and dyads that are no event
    /// dropped.
    pub(super) fn pairs(
        &self,
        v: &Binding<'_>,
        sides: &Sides<'_>,
        parties: &Parties,
    ) -> Vec<RawEvent> {
        let (vf, vl) = (v.at.vf, v.at.vl);
        let (src, tgt, code) = (&sides.src, &sides.tgt, sides.code);
        let (pattern, target, self_pairs) = (v.at.pattern, parties.target, parties.self_pairs);
        let mut out: Vec<RawEvent> = Vec::new();
        let statecraft = self.opts.statecraft;
        let act = Act {
            verb: (vf, vl),
            pattern,
            subordinate: v.subordinate,
            dominant: v.dominant,
        };
        let mut push = |s: &(ActorCode, Option<(usize, usize)>),
                        t: &(ActorCode, Option<(usize, usize)>),
                        c: &str| {
            if let Some(ev) = self.candidate(s, t, c, &act) {
                if !out.contains(&ev) {
                    out.push(ev);
                }
            }
        };
        // A visit's paired hosting (043) is the host's act only where the
        // text presents it as host ("hosted", "welcomed"), which the
        // pattern's own code says (statecraft reading).
        let host = |p: &str| statecraft && p == "043" && code != "043";
        let paired = v.paired.filter(|p| !host(p));
        let hosting_dropped = self.opts.statecraft && paired.is_none() && code == "042";
        // "U.S. troops fought insurgents": force in a fight runs both ways
        // (the guide's symmetric events: clashed, fought), whatever the
        // pattern's code says; a finite verb with its own subject only,
        // not "the fight against crime" or "to end fighting".
        let fight = statecraft
            && paired.is_none()
            && crate::filters::harms(code)
            && crate::filters::fighting(self.toks.get(vf..=vl).unwrap_or(&[]))
            && self.grammar.is_some_and(|g| g.finite_verb(self.vis[vf]));
        match self_pairs {
            Some(both) => {
                for i in 0..src.len() {
                    for j in i + 1..src.len() {
                        push(&src[i], &src[j], code);
                        match (paired, both) {
                            (Some(p), _) => push(&src[j], &src[i], p),
                            (None, true) if !hosting_dropped => push(&src[j], &src[i], code),
                            (None, _) => {}
                        }
                    }
                }
            }
            None => {
                // "Annan meets with visiting Iraqi Prime Minister Allawi":
                // the visitor visits (042), the one met hosts (043).
                let visiting = statecraft
                    && code.starts_with("04")
                    && target.is_some_and(|t| {
                        let first = self.units[t].first;
                        first > 0 && self.toks[first - 1] == "VISITING"
                    });
                for s in src {
                    for t in tgt {
                        if visiting {
                            push(s, t, "043");
                            push(t, s, "042");
                            continue;
                        }
                        push(s, t, code);
                        // An intention is its holder's alone: the one it
                        // concerns intends nothing ("expects to resume
                        // exports to Singapore"), except a meeting planned,
                        // which both sides hold ("preparing to arrive in
                        // China to discuss trade": 036 both ways).
                        let one_sided = |p: &&str| statecraft && v.at.intended && *p != "036";
                        if let Some(p) = paired.filter(|p| !one_sided(p)) {
                            push(t, s, p);
                        } else if fight {
                            push(t, s, code);
                        }
                    }
                }
            }
        }
        out
    }
}

/// What an event is of, besides its two sides: the words that tell it.
pub(super) struct Act<'p> {
    /// The first and last visible token of its verb (or noun).
    pub verb: (usize, usize),
    /// The pattern that matched, if any.
    pub pattern: Option<&'p str>,
    pub subordinate: bool,
    pub dominant: bool,
}

impl Ctx<'_> {
    /// The event of source `s` on target `t` with code `c`, unless it is
    /// none: roles named without a country are placed in the context's
    /// (statecraft reading); an actor acting on itself, or a dyad that is
    /// no event, is dropped. Records the verdict for `explain`.
    pub(super) fn candidate(
        &self,
        s: &(ActorCode, Option<(usize, usize)>),
        t: &(ActorCode, Option<(usize, usize)>),
        c: &str,
        act: &Act<'_>,
    ) -> Option<RawEvent> {
        let statecraft = self.opts.statecraft;
        let placed = |a: &(ActorCode, Option<(usize, usize)>)| match self.context {
            Some(c)
                if statecraft
                    && a.0.country_unknown()
                    && a.0.has_roles()
                    && !a.1.is_some_and(|span| {
                        crate::places::beyond_nations(self.toks, span.0, span.1)
                    }) =>
            {
                (a.0.with_country(c), a.1)
            }
            _ => a.clone(),
        };
        let (s, t) = (&placed(s), &placed(t));
        let verdict = |kept: bool, why: &str| {
            if let Some(tr) = self.trace {
                let verb = crate::explain::words(self.toks, act.verb);
                tr.borrow_mut()
                    .candidate(s.0.as_str(), t.0.as_str(), c, &verb, kept, why);
            }
        };
        if s.0 == t.0 && s.0 != ActorCode::UNKNOWN {
            verdict(false, "an actor acting on itself");
            return None;
        }
        if statecraft && !sensible_dyad(&s.0, &t.0) {
            verdict(
                false,
                "not a sensible dyad (unknown country, or a country on itself)",
            );
            return None;
        }
        verdict(true, "coded");
        Some(RawEvent {
            source: s.0.clone(),
            target: t.0.clone(),
            code: c.to_string(),
            source_tokens: s.1,
            target_tokens: t.1,
            verb_tokens: act.verb,
            pattern: act.pattern.map(str::to_string),
            // CAMEO: statements (root 01) are subordinate events; a plea
            // to a court is an act of its own.
            subordinate: act.subordinate
                || (statecraft && c.starts_with("01") && !self.plea(act.verb.0, c)),
            dominant: act.dominant,
            modality: None,
        })
    }
}

/// Verbs (lemmas) of killing, whose dictionary code is the military
/// force of CAMEO 190 whoever kills.
const KILLING: &[&str] = &["kill", "murder", "slay", "behead", "decapitate"];

/// Roles with no armed force of a state or movement behind them: armed
/// men no one names, criminals, civilians, people.
const IRREGULAR: &[&str] = &["UAF", "CRM", "CVL", "PPL"];

/// Roles of the armed forces of a state or movement, and of those who
/// command them.
const ARMED: &[&str] = &["MIL", "REB", "COP", "GOV", "SPY"];

impl Ctx<'_> {
    /// Stage assaults (statecraft reading): CAMEO keeps conventional
    /// military force (190) for armed forces and movements, so a killing
    /// by gunmen, a man or a group with no state (the `IMG` groups) is an
    /// assault, 1823 ("kill by physical assault").
    pub(super) fn assaults(&self, evs: &mut [RawEvent]) {
        for e in evs.iter_mut().filter(|e| e.code == "190") {
            let s = &e.source;
            let irregular = s.country().is_some_and(|c| c == "IMG")
                || (s.role_chunks().any(|r| IRREGULAR.contains(&r))
                    && s.role_chunks().all(|r| !ARMED.contains(&r)));
            let t = self.vis.get(e.verb_tokens.0).copied();
            let killing = self
                .grammar
                .zip(t)
                .is_some_and(|(g, t)| g.lemma_in(t, KILLING));
            if irregular && killing {
                e.code = "1823".to_string();
                if let Some(tr) = self.trace {
                    tr.borrow_mut()
                        .note("a killing by men no state or movement arms: an assault, 1823");
                }
            }
        }
    }
}

/// Whether a dyad makes sense as an event: both actors known, and not a
/// country acting on itself (`SYR`→`SYRGOV`, `KORGOV`→`KORGOV`). Domestic
/// events between different roles (`SYRREB`→`SYRGOV`) are kept.
fn sensible_dyad(source: &ActorCode, target: &ActorCode) -> bool {
    // `~GOV`: an agent standing alone (TABARI's convert-agents).
    let placeholder = |c: &ActorCode| c.as_str().contains('~');
    if source.country_unknown()
        || target.country_unknown()
        || placeholder(source)
        || placeholder(target)
    {
        return false;
    }
    let (a, b) = (source.country(), target.country());
    if a.is_none() || a != b {
        return true;
    }
    source.has_roles() && target.has_roles() && source != target
}
