//! Stage arguments: a verb's participants by the parse (statecraft
//! reading), as units.

use super::bind::Ctx;
use crate::arguments::Role;
use crate::explain::SentenceTrace;

/// A verb's participants by the parse, as units (stage arguments).
#[derive(Default)]
pub(super) struct TreeRoles {
    /// Who acts, coordinated ones after the first.
    pub(super) agents: Vec<usize>,
    /// Who is acted on.
    pub(super) patient: Option<usize>,
    /// Patients coordinated with the chosen one.
    pub(super) co_patients: Vec<usize>,
    /// Places where it happens: never actors.
    pub(super) places: Vec<usize>,
    /// Whoever acts is not an actor ("a car bomb exploded", "stocks
    /// rose"): no source is looked for elsewhere.
    pub(super) faceless: bool,
    /// The pattern names its target before an active verb and its source
    /// after it ("+ * SUPPORT FROM $"): the pattern's slots, not the
    /// subject and object, say who acts on whom.
    pub(super) inverted: bool,
    /// The verb is passive.
    pub(super) passive: bool,
    /// The verb is a participle modifying a noun: its subject is that
    /// noun or the agent it names, never an actor of the clause around it.
    pub(super) modifier: bool,
}

impl Ctx<'_> {
    /// Each unit's span in the sentence's tokens (for the parse), and
    /// whether it names a country or body.
    pub(super) fn unit_spans(&self) -> (Vec<(usize, usize)>, Vec<bool>) {
        let spans = self
            .units
            .iter()
            .map(|u| (self.vis[u.first], self.vis[u.last]))
            .collect();
        let named = self
            .units
            .iter()
            .map(|u| u.members.iter().any(|m| !m.code.country_unknown()))
            .collect();
        (spans, named)
    }

    /// The participants the parse gives the verb at visible tokens
    /// `vf..=vl` (stage arguments), as units. The target is the patient
    /// whose preposition the pattern names before its `+` ("* TALKS WITH
    /// +"), else the direct object, else the first patient.
    pub(super) fn tree_roles(
        &self,
        vf: usize,
        vl: usize,
        pattern: Option<&str>,
    ) -> Option<TreeRoles> {
        if !self.opts.statecraft {
            return None;
        }
        let grammar = self.grammar?;
        let (spans, named) = self.unit_spans();
        // The head of a phrasal verb is its first word.
        let roles = grammar.roles(self.vis[vf], &spans, &named).or_else(|| {
            (vl > vf)
                .then(|| grammar.roles(self.vis[vl], &spans, &named))
                .flatten()
        })?;
        let words: Vec<&str> = pattern.map_or(Vec::new(), |p| p.split_whitespace().collect());
        let slot = |mark: &str| words.iter().position(|w| *w == mark);
        // The preposition the pattern puts before a slot ("WITH +").
        let prep_before = |at: usize| {
            let before = words.get(at.checked_sub(1)?)?;
            (before.chars().all(|c| c.is_ascii_alphabetic())).then(|| before.to_lowercase())
        };
        let prep = slot("+").and_then(prep_before);
        // "+ * SUPPORT FROM $": the target before the verb, the source
        // after it as where something came from. (Other prepositions mark
        // headline passives read against an active verb: "+ * IN $" is
        // "two killed in $ raid", not "Israel killed two in Gaza".)
        let verb_at = words.iter().position(|w| w.contains('*'));
        let source_after = match (slot("+"), verb_at, slot("$")) {
            (Some(t), Some(v), Some(s)) if t < v && v < s => {
                prep_before(s).as_deref() == Some("from")
            }
            _ => false,
        };
        let mut out = TreeRoles::default();
        let mut patients: Vec<(usize, Option<String>)> = Vec::new();
        out.faceless = roles.iter().any(|(u, r)| u.is_none() && *r == Role::Agent)
            && !roles.iter().any(|(u, r)| u.is_some() && *r == Role::Agent);
        for (u, role) in roles {
            let Some(u) = u else { continue };
            match role {
                Role::Agent => out.agents.push(u),
                Role::Patient(case) => patients.push((u, case)),
                // "fired rockets at an Israeli town": a place the pattern
                // names as its target ("* ROCKETS AT +") is a party, unless
                // it is only where ("in").
                Role::Place(case) if prep.as_deref() == Some(case.as_str()) && case != "in" => {
                    patients.push((u, Some(case)))
                }
                Role::Place(_) => out.places.push(u),
            }
        }
        patients.retain(|(u, _)| !out.agents.contains(u));
        out.passive = grammar.passive(self.vis[vf]);
        out.modifier = grammar.participle_of_noun(self.vis[vf]);
        out.inverted = source_after && !out.passive;
        let chosen = patients
            .iter()
            .position(|(_, c)| prep.is_some() && *c == prep)
            .or_else(|| patients.iter().position(|(_, c)| c.is_none()))
            .or((!patients.is_empty()).then_some(0));
        // "recalled its ambassador from Russia", "withdrew its troops from
        // Congo": an object its owner's pronoun marks as the doer's own is
        // what the doer moves; whom the act concerns is where it comes
        // from or goes to.
        let chosen = match chosen {
            Some(i) if patients[i].1.is_none() && self.owned(patients[i].0) => patients
                .iter()
                .position(|(_, c)| matches!(c.as_deref(), Some("from" | "to")))
                .or(Some(i)),
            other => other,
        };
        if let Some(i) = chosen {
            let case = patients[i].1.clone();
            out.patient = Some(patients[i].0);
            out.co_patients = patients
                .iter()
                .skip(i + 1)
                .filter(|(_, c)| *c == case)
                .map(|(u, _)| *u)
                .collect();
        }
        Some(out)
    }

    /// Whether unit `u` follows a possessive pronoun ("its troops").
    fn owned(&self, u: usize) -> bool {
        let f = self.units[u].first;
        f > 0 && crate::places::OWNERS.contains(&self.toks[f - 1])
    }

    /// Records the parse's participants on the last predicate traced.
    pub(super) fn trace_roles(&self, trace: &mut SentenceTrace, t: &TreeRoles) {
        let name = |u: usize| {
            let u = &self.units[u];
            crate::explain::words(self.toks, (u.first, u.last))
        };
        if let Some(p) = trace.predicates.last_mut() {
            p.agents = t.agents.iter().map(|&u| name(u)).collect();
            p.patient = t.patient.map(name);
            p.places = t.places.iter().map(|&u| name(u)).collect();
        }
        if t.faceless {
            trace.note("the subject is not an actor: no event");
        }
    }
}
