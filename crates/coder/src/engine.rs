//! Matching verb patterns around a verb, with TABARI's semantics: the
//! part before `*` is matched backwards from the verb, the part after it
//! forwards; words may be separated by other words unless joined by `_`;
//! nothing crosses a comma or the clause; `$ + % ^` take the nearest
//! actor in the direction of the match.

use crate::analysis::Unit;
use statecraft_dict::{Dictionary, Elem, Item, Pattern};

/// What a pattern match assigned.
#[derive(Clone, Debug, Default)]
pub(crate) struct Bind {
    pub source: Option<usize>,
    pub target: Option<usize>,
    pub compound: Option<usize>,
    pub skipped: Vec<usize>,
    /// Characters of literal text matched.
    pub len: u32,
    /// The position of the first element matched before the verb (the
    /// verb's first position when none is).
    pub start: usize,
    /// The position after the last element matched after the verb.
    pub end: usize,
    /// Positions after the verb that the pattern's words matched ("sent
    /// troops": `* &MILITARY`).
    pub used: Vec<usize>,
}

impl Bind {
    /// Whether the pattern's words after the verb matched a word of the
    /// positions `first..=last`.
    pub fn uses(&self, first: usize, last: usize) -> bool {
        self.used.iter().any(|&p| first <= p && p <= last)
    }
}

pub(crate) struct Matcher<'a> {
    pub toks: &'a [&'a str],
    pub comma: &'a [bool],
    pub units: &'a [Unit],
    pub dict: &'a Dictionary,
    /// Clause bounds, visible positions `[lo, hi)`.
    pub lo: usize,
    pub hi: usize,
    /// The words of the subject the verb being matched takes from another
    /// verb, when the parse gives it one (statecraft reading): see
    /// [`Matcher::try_pattern_after`].
    pub subject: Option<(usize, usize)>,
}

type Cont<'k> = &'k mut dyn FnMut(&Matcher<'_>, isize, &mut Bind) -> bool;

fn word_len(w: &str) -> u32 {
    w.chars().filter(|c| c.is_alphanumeric()).count() as u32
}

impl Matcher<'_> {
    /// Matches `pat` around the verb occupying `[vfirst, vlast]`.
    pub fn try_pattern(&self, pat: &Pattern, vfirst: usize, vlast: usize) -> Option<Bind> {
        let mut bind = Bind::default();
        let lower = &pat.lower.0;
        let verb_joined = pat.verb_joined;
        let ok = self.bwd(
            &pat.upper.0,
            vfirst as isize - 1,
            pat.upper_joined,
            &mut bind,
            &mut |m, before, b| {
                b.start = (before + 1) as usize;
                m.fwd(lower, vlast + 1, verb_joined, b, &mut |_, end, b| {
                    b.end = end as usize;
                    true
                })
            },
        );
        match (ok, self.subject) {
            (true, _) => Some(bind),
            (false, Some(subject)) => self.try_pattern_after(pat, (vfirst, vlast), subject),
            (false, None) => None,
        }
    }

    /// Matches `pat` around the verb occupying `[vfirst, vlast]` whose
    /// subject, the words `[subject.0, subject.1]`, the parse gives it from
    /// a verb it is coordinated with or modifies ("a suicide bomber blew
    /// himself up and killed five policemen": `SUICIDE BOMBER *`). Only a
    /// pattern whose words before the verb are words, with no actor
    /// slots, is tried, and its last such word must end the subject.
    fn try_pattern_after(
        &self,
        pat: &Pattern,
        (vfirst, vlast): (usize, usize),
        subject: (usize, usize),
    ) -> Option<Bind> {
        let upper = &pat.upper.0;
        let words_only = |items: &[Item]| {
            items
                .iter()
                .all(|i| matches!(i.elem, Elem::Word(_) | Elem::Synset(_)))
        };
        if upper.is_empty() || !words_only(upper) || subject.1 >= vfirst {
            return None;
        }
        let within = Matcher {
            lo: subject.0,
            hi: subject.1 + 1,
            subject: None,
            ..*self
        };
        let mut bind = Bind::default();
        let ok = within.bwd(
            upper,
            subject.1 as isize,
            true,
            &mut bind,
            &mut |_, before, b| {
                b.start = (before + 1) as usize;
                self.fwd(
                    &pat.lower.0,
                    vlast + 1,
                    pat.verb_joined,
                    b,
                    &mut |_, end, b| {
                        b.end = end as usize;
                        true
                    },
                )
            },
        );
        ok.then_some(bind)
    }

    fn unit_fwd(&self, pos: usize, adj: bool) -> Option<usize> {
        for (i, u) in self.units.iter().enumerate() {
            if u.first < pos {
                continue;
            }
            if u.first >= self.hi || (adj && u.first != pos) {
                return None;
            }
            if (pos..u.first).any(|p| self.comma[p]) {
                return None;
            }
            return Some(i);
        }
        None
    }

    fn unit_bwd(&self, pos: isize, adj: bool) -> Option<usize> {
        if pos < self.lo as isize {
            return None;
        }
        let pos = pos as usize;
        let mut best: Option<usize> = None;
        for (i, u) in self.units.iter().enumerate() {
            if u.first < self.lo || u.last > pos {
                continue;
            }
            if best.is_none_or(|b| self.units[b].last < u.last) {
                best = Some(i);
            }
        }
        let b = best?;
        let u = &self.units[b];
        if adj && u.last != pos {
            return None;
        }
        if (u.last + 1..=pos).any(|p| self.comma[p]) {
            return None;
        }
        Some(b)
    }

    fn bind_actor(b: &mut Bind, elem: &Elem, unit: usize, compound: bool) -> Option<()> {
        match elem {
            Elem::Source => b.source = Some(unit),
            Elem::Target => b.target = Some(unit),
            Elem::Compound => {
                if !compound {
                    return None;
                }
                b.compound = Some(unit);
            }
            _ => b.skipped.push(unit),
        }
        Some(())
    }

    /// Forward match of `items` starting at `pos`; `adj` pins the first item.
    fn fwd(&self, items: &[Item], pos: usize, adj: bool, b: &mut Bind, k: Cont<'_>) -> bool {
        let Some(item) = items.first() else {
            return k(self, pos as isize, b);
        };
        let rest = &items[1..];
        match &item.elem {
            Elem::Word(w) => {
                let mut p = pos;
                while p < self.hi {
                    if self.comma[p] {
                        return false;
                    }
                    if w.matches(self.toks[p]) {
                        let l = word_len(&w.text);
                        b.len += l;
                        b.used.push(p);
                        if self.fwd(rest, p + 1, item.joined, b, k) {
                            return true;
                        }
                        b.used.pop();
                        b.len -= l;
                    }
                    if adj {
                        return false;
                    }
                    p += 1;
                }
                false
            }
            Elem::Source | Elem::Target | Elem::Compound | Elem::Skip | Elem::Attrib => {
                let Some(u) = self.unit_fwd(pos, adj) else {
                    return false;
                };
                let saved = b.clone();
                if Self::bind_actor(b, &item.elem, u, self.units[u].compound).is_none() {
                    return false;
                }
                if self.fwd(rest, self.units[u].last + 1, item.joined, b, k) {
                    return true;
                }
                *b = saved;
                false
            }
            Elem::Synset(id) => {
                let members = &self.dict.synsets[*id as usize].members;
                let joined = item.joined;
                for m in members {
                    if self.fwd(&m.0, pos, adj, b, &mut |s, p, b| {
                        s.fwd(rest, p as usize, joined, b, k)
                    }) {
                        return true;
                    }
                }
                false
            }
            Elem::Alt(alts) => {
                let joined = item.joined;
                for a in alts {
                    if self.fwd(&a.0, pos, adj, b, &mut |s, p, b| {
                        s.fwd(rest, p as usize, joined, b, k)
                    }) {
                        return true;
                    }
                }
                false
            }
            Elem::Verb => false,
        }
    }

    /// Backward match of `items` ending at `pos`; `adj` pins the last item.
    fn bwd(&self, items: &[Item], pos: isize, adj: bool, b: &mut Bind, k: Cont<'_>) -> bool {
        let Some(item) = items.last() else {
            return k(self, pos, b);
        };
        let rest = &items[..items.len() - 1];
        let prev_joined = rest.last().is_some_and(|i| i.joined);
        match &item.elem {
            Elem::Word(w) => {
                let mut p = pos;
                while p >= self.lo as isize {
                    let pu = p as usize;
                    if self.comma[pu] {
                        return false;
                    }
                    if w.matches(self.toks[pu]) {
                        let l = word_len(&w.text);
                        b.len += l;
                        if self.bwd(rest, p - 1, prev_joined, b, k) {
                            return true;
                        }
                        b.len -= l;
                    }
                    if adj {
                        return false;
                    }
                    p -= 1;
                }
                false
            }
            Elem::Source | Elem::Target | Elem::Compound | Elem::Skip | Elem::Attrib => {
                let Some(u) = self.unit_bwd(pos, adj) else {
                    return false;
                };
                let saved = b.clone();
                if Self::bind_actor(b, &item.elem, u, self.units[u].compound).is_none() {
                    return false;
                }
                if self.bwd(rest, self.units[u].first as isize - 1, prev_joined, b, k) {
                    return true;
                }
                *b = saved;
                false
            }
            Elem::Synset(id) => {
                let members = &self.dict.synsets[*id as usize].members;
                for m in members {
                    if self.bwd(&m.0, pos, adj, b, &mut |s, p, b| {
                        s.bwd(rest, p, prev_joined, b, k)
                    }) {
                        return true;
                    }
                }
                false
            }
            Elem::Alt(alts) => {
                for a in alts {
                    if self.bwd(&a.0, pos, adj, b, &mut |s, p, b| {
                        s.bwd(rest, p, prev_joined, b, k)
                    }) {
                        return true;
                    }
                }
                false
            }
            Elem::Verb => false,
        }
    }
}
