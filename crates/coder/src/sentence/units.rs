//! Stage units: compounds, the conjunctions and commas that do not split
//! clauses, comma clauses dropped, and the actor units (actors, compounds
//! and resolved pronouns) over the original tokens.

use super::Sentence;
use crate::analysis::{self, Class, Lexeme, Member, Pron, Unit};
use statecraft_types::ActorCode;

/// What the units stage hands on.
pub(super) struct Units {
    /// Lexemes (conjunctions and commas) that do not split clauses.
    pub protected: Vec<bool>,
    /// Tokens in dropped comma clauses.
    pub elim: Vec<bool>,
    /// How many comma clauses were dropped.
    pub dropped: usize,
    /// Actor units, over original tokens, in text order.
    pub all: Vec<Unit>,
}

/// Stage units: protects the conjunctions and commas inside compounds and
/// phrases, drops comma clauses, and builds the actor units (pronouns
/// refer to actors that survive the dropped clauses).
pub(super) fn units(s: &Sentence<'_>, lx: &[Lexeme]) -> Units {
    let (input, opts, toks, texts) = (s.input, s.opts, s.toks, s.texts);
    let mut protected = vec![false; lx.len()];
    let places = if opts.statecraft {
        crate::places::locative(lx, toks, texts)
    } else {
        Vec::new()
    };
    let groups = analysis::compounds(lx, &mut protected, opts.petrarch, &places);
    analysis::protect_noun_compounds(lx, &mut protected);
    // A conjunction inside a dictionary phrase ("DURTHANG ... ORC") does
    // not split the sentence.
    for (k, l) in lx.iter().enumerate() {
        if matches!(l.class, Class::Conj { .. }) {
            let inside = lx
                .iter()
                .any(|o| o.first < l.first && o.last > l.last && !matches!(o.class, Class::Word));
            if inside {
                protected[k] = true;
            }
        }
    }
    if opts.petrarch && !opts.statecraft {
        // "complete, full diplomatic ties": a comma inside a noun phrase.
        for k in 1..lx.len().saturating_sub(1) {
            let modifier = |l: &Lexeme| {
                matches!(l.class, Class::Word | Class::Adjective) && !toks[l.first].capitalized
            };
            if lx[k].class == Class::Comma && modifier(&lx[k - 1]) && modifier(&lx[k + 1]) {
                protected[k] = true;
            }
        }
    }
    let (elim, dropped) = analysis::comma_clauses(lx, &protected, texts, opts);
    // Pronouns refer to actors that survive the dropped comma clauses.
    let mut all_units = build_units(lx, &groups, input.forwarded, &elim, !opts.petrarch);
    if opts.statecraft {
        crate::places::roles_of_places(&mut all_units, texts);
        crate::places::owned_roles(&mut all_units, texts);
        crate::places::same_role(&mut all_units);
    }
    if let Some(t) = input.trace {
        crate::explain::lexicon(&mut t.borrow_mut(), s.lexicon.dict, texts, lx, &all_units);
    }
    Units {
        protected,
        elim,
        dropped,
        all: all_units,
    }
}

/// Actor units: single actors, compounds and resolved pronouns, in text order.
fn build_units(
    lx: &[Lexeme],
    groups: &[Vec<usize>],
    forwarded: Option<&[ActorCode]>,
    elim: &[bool],
    pronouns: bool,
) -> Vec<Unit> {
    let alive = |k: usize| (lx[k].first..=lx[k].last).all(|t| !elim[t]);
    let groups: Vec<Vec<usize>> = groups
        .iter()
        .map(|g| g.iter().copied().filter(|&k| alive(k)).collect())
        .collect();
    let mut group_of = vec![None; lx.len()];
    for (g, members) in groups.iter().enumerate() {
        for &k in members {
            group_of[k] = Some(g);
        }
    }
    let mut units: Vec<Unit> = Vec::new();
    let mut done_group = vec![false; groups.len()];
    for (k, l) in lx.iter().enumerate() {
        if !alive(k) {
            continue;
        }
        match &l.class {
            Class::Actor(_) => {
                if let Some(g) = group_of[k].filter(|&g| groups[g].len() > 1) {
                    if done_group[g] {
                        continue;
                    }
                    done_group[g] = true;
                    let mut members: Vec<Member> = Vec::new();
                    for &m in &groups[g] {
                        if let Class::Actor(codes) = &lx[m].class {
                            for c in codes {
                                if !members.iter().any(|x| &x.code == c) {
                                    members.push(Member {
                                        code: c.clone(),
                                        tokens: (lx[m].first, lx[m].last),
                                    });
                                }
                            }
                        }
                    }
                    let first = groups[g].iter().map(|&m| lx[m].first).min().unwrap();
                    let last = groups[g].iter().map(|&m| lx[m].last).max().unwrap();
                    units.push(Unit {
                        first,
                        last,
                        members,
                        compound: true,
                        pronoun: false,
                    });
                } else if let Class::Actor(codes) = &l.class {
                    let members = codes
                        .iter()
                        .map(|c| Member {
                            code: c.clone(),
                            tokens: (l.first, l.last),
                        })
                        .collect();
                    units.push(Unit {
                        first: l.first,
                        last: l.last,
                        members,
                        compound: codes.len() > 1,
                        pronoun: false,
                    });
                }
            }
            // PETRARCH does not resolve pronouns.
            Class::Pronoun(kind) if pronouns => {
                let prior: Vec<&Unit> = units.iter().filter(|u| !u.pronoun).collect();
                let referent: Option<Vec<Member>> = match kind {
                    Pron::Subject | Pron::Possessive => prior.first().map(|u| u.members.clone()),
                    Pron::Plural => prior
                        .iter()
                        .find(|u| u.compound)
                        .or(prior.first())
                        .map(|u| u.members.clone()),
                };
                let referent = referent.or_else(|| {
                    let f = forwarded?;
                    let first = f.first()?;
                    Some(vec![Member {
                        code: first.clone(),
                        tokens: (l.first, l.last),
                    }])
                });
                if let Some(members) = referent {
                    let compound = members.len() > 1;
                    let members = members
                        .into_iter()
                        .map(|m| Member {
                            tokens: (l.first, l.last),
                            ..m
                        })
                        .collect();
                    units.push(Unit {
                        first: l.first,
                        last: l.last,
                        members,
                        compound,
                        pronoun: true,
                    });
                }
            }
            _ => {}
        }
    }
    units.sort_by_key(|u| u.first);
    units
}
