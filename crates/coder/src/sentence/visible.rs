//! Stage visible: the sentence in visible coordinates (the tokens not in
//! dropped comma clauses), with its units, verbs, commas and the clause
//! bounds each reading draws.

use super::units::Units;
use super::Sentence;
use crate::analysis::{Class, Lexeme, Unit};
use statecraft_text::TokenKind;

/// The sentence as the clause loop sees it: visible positions (tokens not
/// in dropped comma clauses) and what lies at them.
pub(super) struct Visible<'s> {
    /// The original token at each visible position.
    pub vis: Vec<usize>,
    /// The visible position of each original token (`usize::MAX` in a
    /// dropped clause).
    pub to_vis: Vec<usize>,
    /// Tokens in dropped comma clauses (original positions).
    elim: Vec<bool>,
    /// How many comma clauses were dropped.
    pub dropped: usize,
    /// The text at each visible position.
    pub vtexts: Vec<&'s str>,
    /// Where pattern slots stop: commas, and in the statecraft reading
    /// "and" before an unknown past-tense verb.
    pub vcomma: Vec<bool>,
    /// Commas that delimit clauses.
    pub vbarrier: Vec<bool>,
    /// Actor units that survive the dropped clauses.
    pub units: Vec<Unit>,
    /// Verbs that survive the dropped clauses: first and last visible
    /// token, and the verb.
    pub verbs: Vec<(usize, usize, u32)>,
    /// Clause bounds: each clause runs from one bound to the next (less
    /// its conjunction).
    pub bounds: Vec<usize>,
    /// For each clause, whether a (non-pronoun) actor opens it.
    pub actor_first: Vec<bool>,
}

impl<'s> Visible<'s> {
    /// Stage visible: maps the sentence into visible coordinates and draws
    /// its clause bounds.
    pub(super) fn new(s: &Sentence<'s>, lx: &[Lexeme], units: Units) -> Visible<'s> {
        let (opts, toks, texts) = (s.opts, s.toks, s.texts);
        let Units {
            protected,
            elim,
            dropped,
            all: all_units,
        } = units;
        // Visible coordinates: tokens not in dropped clauses.
        let vis: Vec<usize> = (0..toks.len()).filter(|&i| !elim[i]).collect();
        let mut to_vis = vec![usize::MAX; toks.len()];
        for (v, &o) in vis.iter().enumerate() {
            to_vis[o] = v;
        }
        let vtexts: Vec<&str> = vis.iter().map(|&i| texts[i]).collect();
        // Pattern slots do not reach across a comma, nor, in statecraft mode,
        // across "and" before a past-tense verb the dictionaries lack ("ousted
        // Assad in December and assumed power as interim president").
        let vcomma: Vec<bool> = vis
            .iter()
            .map(|&i| {
                toks[i].kind == TokenKind::Comma
                    || (opts.statecraft
                        && texts[i] == "AND"
                        && toks
                            .get(i + 1)
                            .is_some_and(|t| !t.capitalized && t.text.ends_with("ED")))
            })
            .collect();
        let units: Vec<Unit> = all_units
            .into_iter()
            .filter(|u| !elim[u.first] && !elim[u.last])
            .map(|mut u| {
                u.first = to_vis[u.first];
                u.last = to_vis[u.last];
                u
            })
            .collect();
        let verbs: Vec<(usize, usize, u32)> = lx
            .iter()
            .filter(|l| alive(&elim, l))
            .filter_map(|l| match l.class {
                Class::Verb(v) => Some((to_vis[l.first], to_vis[l.last], v)),
                _ => None,
            })
            .collect();
        let mut view = Visible {
            vis,
            to_vis,
            elim,
            dropped,
            vtexts,
            vcomma,
            vbarrier: Vec::new(),
            units,
            verbs,
            bounds: Vec::new(),
            actor_first: Vec::new(),
        };
        view.clause_bounds(s, lx, &protected);
        view.vbarrier = view.barriers(s, lx, &protected);
        view
    }

    /// The clause bounds at unprotected conjunctions, as each reading
    /// draws them, and whether an actor opens each clause.
    fn clause_bounds(&mut self, s: &Sentence<'_>, lx: &[Lexeme], protected: &[bool]) {
        let opts = s.opts;
        // Clause boundaries at unprotected conjunctions. PETRARCH, reading a
        // parse, only splits where both sides have a verb of their own.
        let conj_at: Vec<usize> = lx
            .iter()
            .enumerate()
            .filter(|(k, l)| {
                matches!(l.class, Class::Conj { .. }) && !protected[*k] && alive(&self.elim, l)
            })
            .map(|(_, l)| self.to_vis[l.first])
            .collect();
        let conj_at: Vec<usize> = if opts.statecraft {
            self.statecraft_conj(conj_at)
        } else if opts.petrarch {
            self.petrarch_conj(&conj_at)
        } else {
            self.tabari_conj(s, conj_at)
        };
        let mut bounds = vec![0usize];
        let mut actor_first = vec![false];
        for &v in &conj_at {
            bounds.push(v + 1);
            actor_first.push(self.units.iter().any(|u| u.first == v + 1 && !u.pronoun));
        }
        bounds.push(self.vis.len());
        self.bounds = bounds;
        self.actor_first = actor_first;
    }

    /// The statecraft reading's clause conjunctions: those a subject
    /// follows, between two verbs.
    fn statecraft_conj(&self, conj_at: Vec<usize>) -> Vec<usize> {
        let (verbs, units) = (&self.verbs, &self.units);
        // A conjunction starts a new clause only when a subject follows it;
        // "provide aid and explore cooperation in Syria" shares its object.
        conj_at
            .into_iter()
            .filter(|&c| {
                let next_verb = verbs.iter().map(|v| v.0).find(|&v| v > c);
                let subject = units
                    .iter()
                    .any(|u| u.first > c && next_verb.is_none_or(|v| u.first < v));
                let verb_before = verbs.iter().any(|v| v.0 < c);
                subject && verb_before && next_verb.is_some()
            })
            .collect()
    }

    /// PETRARCH's clause conjunctions: those with a verb on each side.
    fn petrarch_conj(&self, conj_at: &[usize]) -> Vec<usize> {
        let verbs = &self.verbs;
        let mut kept: Vec<usize> = Vec::new();
        for (i, &c) in conj_at.iter().enumerate() {
            let from = kept.last().map_or(0, |&k| k + 1);
            let to = conj_at.get(i + 1).copied().unwrap_or(self.vis.len());
            let left = verbs.iter().any(|v| v.0 >= from && v.0 < c);
            let right = verbs.iter().any(|v| v.0 > c && v.0 < to);
            if left && right {
                kept.push(c);
            }
        }
        kept
    }

    /// TABARI's clause conjunctions: those after no comma.
    fn tabari_conj(&self, s: &Sentence<'_>, conj_at: Vec<usize>) -> Vec<usize> {
        let (toks, vis) = (s.toks, &self.vis);
        // Whether the original token before visible position `v` is a comma
        // (it may sit in a dropped comma clause).
        let comma_before = |v: usize| vis[v] > 0 && toks[vis[v] - 1].kind == TokenKind::Comma;
        // TABARI: ", and" continues the sentence's clause (the comma already
        // marks the break the writer wanted).
        conj_at.into_iter().filter(|&c| !comma_before(c)).collect()
    }

    /// The commas that delimit clauses, at visible positions.
    fn barriers(&self, s: &Sentence<'_>, lx: &[Lexeme], protected: &[bool]) -> Vec<bool> {
        let (opts, toks) = (s.opts, s.toks);
        // Commas that delimit clauses (not those inside compounds).
        // A comma between two modifiers ("complete, full diplomatic ties") is
        // inside a noun phrase for PETRARCH's parse, not between clauses.
        let modifier = |t: usize| {
            lx.iter().any(|l| {
                l.first == t
                    && matches!(l.class, Class::Word | Class::Adjective)
                    && !toks[t].capitalized
            })
        };
        self.vis
            .iter()
            .map(|&i| {
                toks[i].kind == TokenKind::Comma
                    && !lx
                        .iter()
                        .enumerate()
                        .any(|(k, l)| l.first == i && l.class == Class::Comma && protected[k])
                    && !(opts.petrarch
                        && i > 0
                        && i + 1 < toks.len()
                        && modifier(i - 1)
                        && modifier(i + 1))
            })
            .collect()
    }
}

/// Whether no token of the lexeme lies in a dropped comma clause.
fn alive(elim: &[bool], l: &Lexeme) -> bool {
    (l.first..=l.last).all(|t| !elim[t])
}
