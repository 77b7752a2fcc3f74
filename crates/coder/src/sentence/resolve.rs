//! Stage resolve: a verb occurrence's code, by the longest pattern of its
//! family that matches around it, else the verb's own code.

use super::Sentence;
use crate::engine::{Bind, Matcher};
use statecraft_dict::{Dictionary, EventCode};

/// Base forms of the words of a sentence.
pub(super) type Present = rustc_hash::FxHashSet<String>;

/// Base forms of every word in the sentence, to skip patterns whose
/// words are absent.
pub(super) fn present(vtexts: &[&str]) -> Present {
    let mut present = Present::default();
    let mut forms = Vec::new();
    for t in vtexts {
        statecraft_dict::base_forms(t, &mut forms);
        for f in forms.drain(..) {
            present.insert(f);
        }
    }
    present
}

/// Per pattern block: patterns keyed by one word they require, so a verb
/// only tries the patterns whose words occur in the sentence.
#[derive(Default)]
pub(crate) struct BlockIndex {
    by_word: std::collections::HashMap<Box<str>, Vec<u32>, rustc_hash::FxBuildHasher>,
    always: Vec<u32>,
}

impl BlockIndex {
    /// Indexes a block's patterns by the most selective word each requires.
    pub(crate) fn build(block: &statecraft_dict::Block) -> BlockIndex {
        let mut ix = BlockIndex::default();
        for (i, p) in block.patterns.iter().enumerate() {
            // The longest required word is the most selective key.
            match p.required.iter().max_by_key(|w| w.len()) {
                Some(w) => ix.by_word.entry(w.clone()).or_default().push(i as u32),
                None => ix.always.push(i as u32),
            }
        }
        ix
    }
}

/// The code of a verb occurrence: the best-matching pattern, else the
/// verb's own code. A match over positions `first..=last` that `outside`
/// holds true of is not the verb's (see [`super::clause`]: it runs into
/// what a reporting verb reports, or out to the verb that reports it).
pub(super) fn resolve_verb<'d>(
    m: &Matcher<'_>,
    s: &Sentence<'d>,
    family: &[u32],
    present: &Present,
    (vf, vl): (usize, usize),
    mut tried: Option<&mut Vec<String>>,
    outside: &dyn Fn(usize, usize) -> bool,
) -> (EventCode, Bind, Option<&'d str>) {
    let (dict, blocks, opts) = (s.lexicon.dict, s.lexicon.blocks, s.opts);
    // Candidate patterns of every block of the verb's family (verbs written
    // in several blocks share all their patterns), longest first.
    let mut cands: Vec<(u32, usize, u32)> = Vec::new(); // (block, family rank, pattern)
    for (rank, &v) in family.iter().enumerate() {
        let b = dict.verbs[v as usize].block;
        let ix = &blocks[b as usize];
        cands.extend(ix.always.iter().map(|&p| (b, rank, p)));
        for w in present {
            if let Some(ps) = ix.by_word.get(w.as_str()) {
                cands.extend(ps.iter().map(|&p| (b, rank, p)));
            }
        }
    }
    let pat = |c: &(u32, usize, u32)| &dict.blocks[c.0 as usize].patterns[c.2 as usize];
    // Of two patterns as long, the family's first verb's wins (a later
    // file's, an overlay's: see `verb_families`).
    cands.sort_by_key(|c| (std::cmp::Reverse(pat(c).length), c.1, c.2));
    cands.dedup();
    let mut best: Option<(Bind, &statecraft_dict::Pattern)> = None;
    for c in &cands {
        let p = pat(c);
        // Sorted longest first: a pattern cannot beat a match whose actual
        // length is already at least its full length.
        if best.as_ref().is_some_and(|(b, _)| b.len >= p.length) {
            break;
        }
        // PETRARCH ignores the complexity code in patterns.
        if opts.petrarch && p.code == EventCode::Complex {
            continue;
        }
        if !p.required.iter().all(|w| present.contains(&**w)) {
            continue;
        }
        // A pattern with no content words of its own written for another
        // verb of its block ("$ * + [046] # RECEIVE" beside GET and WIN,
        // "* TO [020] # LOOK" beside APPEAR) says nothing of this one
        // (statecraft reading).
        if opts.statecraft
            && p.bare()
            && !p.written_for.is_empty()
            && !p.written_for.contains(&family[c.1])
        {
            continue;
        }
        let matched = m
            .try_pattern(p, vf, vl)
            .filter(|b| !outside(b.start, b.end.saturating_sub(1)))
            .filter(|b| !(opts.statecraft && reflexive_with_others(m.toks, b)));
        if let Some(t) = tried.as_deref_mut() {
            let mark = if matched.is_some() { " (matched)" } else { "" };
            t.push(format!("{}{mark}", p.source));
        }
        if let Some(b) = matched {
            if best.as_ref().is_none_or(|(bb, _)| b.len > bb.len) {
                best = Some((b, p));
            }
        }
    }
    match best {
        Some((b, p)) => (p.code.clone(), b, Some(&p.source)),
        None => (own_code(dict, family).clone(), Bind::default(), None),
    }
}

/// Reflexive objects a pattern may name as the whole act ("$ * HIMSELF":
/// a suicide is no event between two actors).
const REFLEXIVES: &[&str] = &["HIMSELF", "HERSELF", "ITSELF", "THEMSELVES"];

/// Whether the match `b` takes a reflexive that is the first of several
/// objects ("killed himself and a young boy"): the pattern that makes the
/// reflexive the whole act does not hold for the others (statecraft
/// reading).
fn reflexive_with_others(toks: &[&str], b: &Bind) -> bool {
    (b.start..b.end).any(|i| {
        toks.get(i).is_some_and(|t| REFLEXIVES.contains(t))
            && toks.get(i + 1).is_some_and(|n| matches!(*n, "AND" | ","))
    })
}

/// A verb's own code: the first set one in its family, whose later files
/// (overlays) come first.
pub(super) fn own_code<'d>(dict: &'d Dictionary, family: &[u32]) -> &'d EventCode {
    family
        .iter()
        .map(|&v| &dict.verbs[v as usize].code)
        .find(|c| **c != EventCode::Null)
        .unwrap_or(&dict.verbs[family[0] as usize].code)
}
