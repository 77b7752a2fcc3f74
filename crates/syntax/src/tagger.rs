//! The part-of-speech tagger: greedy, left to right, an averaged perceptron
//! over the word, its affixes and shape, its neighbours and the tags already
//! chosen. One class is a UPOS and XPOS pair (`VERB VBN`), so both come
//! from one decision and never disagree.

use crate::hash::mix;
use crate::lex::Lex;
use crate::perceptron::{best, Weights};
use crate::ud::Upos;
use rustc_hash::FxHashMap;

/// A tagger class: the UPOS and XPOS it assigns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tag {
    pub(crate) upos: Upos,
    pub(crate) xpos: &'static str,
}

/// A frozen tagger.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Tagger {
    pub(crate) tags: Vec<Tag>,
    pub(crate) weights: Weights,
    /// Each known word's ambiguity class: the set of tags the treebanks
    /// give it, as a hash (lowercase hash → class).
    pub(crate) classes: FxHashMap<u64, u64>,
}

/// The ambiguity class of a word the treebanks do not hold (often enough).
const UNKNOWN_CLASS: u64 = 0xa3b1;

/// Words seen fewer times get no ambiguity class.
const MIN_COUNT: u32 = 3;

/// Counts the tags of words, for ambiguity classes.
#[derive(Default)]
pub(crate) struct ClassCounter {
    counts: FxHashMap<u64, Vec<(u8, u32)>>,
}

impl ClassCounter {
    /// Counts one word of a treebank.
    pub(crate) fn add(&mut self, lower: u64, tag: u8) {
        let row = self.counts.entry(lower).or_default();
        match row.iter_mut().find(|(t, _)| *t == tag) {
            Some((_, n)) => *n += 1,
            None => row.push((tag, 1)),
        }
    }

    /// The classes: for each word seen at least `MIN_COUNT` times, the tags
    /// it takes at least one time in twenty.
    pub(crate) fn classes(&self) -> FxHashMap<u64, u64> {
        let mut out = FxHashMap::default();
        for (&w, row) in &self.counts {
            let total: u32 = row.iter().map(|(_, n)| n).sum();
            if total < MIN_COUNT {
                continue;
            }
            let mut tags: Vec<u8> = row
                .iter()
                .filter(|(_, n)| n * 20 >= total)
                .map(|(t, _)| *t)
                .collect();
            tags.sort_unstable();
            out.insert(w, tags.iter().fold(0x7a95, |h, &t| mix(h, u64::from(t))));
        }
        out
    }
}

/// The ambiguity classes of the words of a sentence.
pub(crate) fn ambiguity(classes: &FxHashMap<u64, u64>, lex: &[Lex], out: &mut Vec<u64>) {
    out.clear();
    out.extend(
        lex.iter()
            .map(|l| classes.get(&l.lower).copied().unwrap_or(UNKNOWN_CLASS)),
    );
}

/// The value of a missing word before the sentence.
const START: u64 = 0x57a7;
/// The value of a missing word after the sentence.
const END: u64 = 0xe4d;
/// The tag value before the sentence.
pub(crate) const NO_TAG: u64 = 0xffff;

#[inline]
fn f1(id: u64, a: u64) -> u64 {
    mix(id.wrapping_mul(0x1000_0000_0000_0001), a)
}

#[inline]
fn f2(id: u64, a: u64, b: u64) -> u64 {
    mix(mix(id.wrapping_mul(0x1000_0000_0000_0001), a), b)
}

/// The features for tagging word `i`, given the words' ambiguity classes
/// and the tags of the words before it.
pub(crate) fn features(lex: &[Lex], amb: &[u64], tags: &[u8], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let w = &lex[i];
    let at = |d: isize| -> Option<&Lex> { i.checked_add_signed(d).and_then(|j| lex.get(j)) };
    let lower = |d: isize| at(d).map_or(if d < 0 { START } else { END }, |l| l.lower);
    let tag = |d: usize| i.checked_sub(d).map_or(NO_TAG, |j| u64::from(tags[j]));
    let (p1, p2) = (tag(1), tag(2));
    let class = |d: isize| {
        i.checked_add_signed(d)
            .and_then(|j| amb.get(j).copied())
            .unwrap_or(if d < 0 { START } else { END })
    };
    let (a0, a1, a2) = (class(0), class(1), class(2));
    let case = |d: isize| at(d).map_or(9, |l| u64::from(l.case));
    out.extend_from_slice(&[
        f1(0, 0),
        f1(1, w.lower),
        f1(2, w.form),
        f1(3, w.shape),
        f1(4, w.suffix[0]),
        f1(5, w.suffix[1]),
        f1(6, w.suffix[2]),
        f1(7, w.suffix[3]),
        f1(8, w.prefix[0]),
        f1(9, w.prefix[1]),
        f1(10, w.prefix[2]),
        f1(11, p1),
        f2(12, p1, p2),
        f2(13, p1, w.lower),
        f1(14, lower(-1)),
        f1(15, lower(-2)),
        f1(16, lower(1)),
        f1(17, lower(2)),
        f2(18, lower(-1), w.lower),
        f2(19, w.lower, lower(1)),
        f1(20, at(-1).map_or(START, |l| l.suffix[2])),
        f1(21, at(1).map_or(END, |l| l.suffix[2])),
        f1(22, at(1).map_or(END, |l| l.shape)),
        f1(23, at(-1).map_or(START, |l| l.shape)),
        f2(24, u64::from(i == 0), w.shape),
        f2(25, p1, w.suffix[2]),
        f2(26, w.suffix[1], lower(1)),
        f2(27, p1, lower(1)),
        f1(28, a0),
        f1(29, a1),
        f1(30, a2),
        f2(31, a0, a1),
        f2(32, p1, a0),
        f2(33, p1, a1),
        f2(34, a0, w.suffix[2]),
        f2(35, class(-1), a0),
        f2(36, case(-1) * 16 + case(0), case(1)),
        f1(39, at(1).map_or(END, |l| l.form)),
        f1(40, at(-1).map_or(START, |l| l.form)),
    ]);
}

impl Tagger {
    /// Tags the words, writing one class per word into `out`.
    pub(crate) fn tag(&self, lex: &[Lex], amb: &mut Vec<u64>, out: &mut Vec<u8>) {
        out.clear();
        ambiguity(&self.classes, lex, amb);
        let mut feats = Vec::with_capacity(40);
        let mut scores = vec![0i32; self.weights.classes];
        for i in 0..lex.len() {
            features(lex, amb, out, i, &mut feats);
            scores.fill(0);
            self.weights.score(&feats, &mut scores);
            out.push(best(&scores, |_| true).unwrap_or(0) as u8);
        }
    }
}
