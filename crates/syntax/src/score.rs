//! The measures of the CoNLL 2018 UD shared task (`conll18_ud_eval.py`),
//! in Rust: Tokens, Words and Sentences as F1 over character spans, and
//! UPOS, UAS and LAS as F1 over aligned words.
//!
//! As in the official script, spans count only the characters that are not
//! white space, so that two tokenisations of the same text compare however
//! they treat spaces. Words outside multiword tokens align when their spans
//! are equal; inside a region where either side has a multiword token, they
//! align by the longest common subsequence of their lower-cased forms. A
//! word's head counts as right when the system's head is aligned to the
//! gold head (or both are the root). LAS compares the universal part of the
//! relation (`nsubj` of `nsubj:pass`); [`Scores::las_full`] compares whole
//! relations. Punctuation counts like any word. With gold tokenisation the
//! word-level F1s equal accuracies.

use crate::conllu::Sentence;
use crate::tokenize::Piece;
use std::fmt;
use std::ops::Range;

/// A word to score.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScoredWord {
    /// Char offset of the word's first char in the shared text.
    pub start: usize,
    /// Char offset just past the word.
    pub end: usize,
    /// Index of its surface token in the document: the words of one
    /// multiword token share it, other words have their own.
    pub token: usize,
    /// The form.
    pub form: String,
    /// Universal part of speech.
    pub upos: String,
    /// 1-based index of the head in its sentence, 0 for the root.
    pub head: usize,
    /// The relation, with its subtype if any.
    pub deprel: String,
}

/// A document to score: its sentences of words, over a text shared by the
/// gold and the system documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Doc {
    /// The sentences, in order.
    pub sentences: Vec<Vec<ScoredWord>>,
}

impl Doc {
    /// The gold document of treebank sentences, with the raw text they
    /// make as the CoNLL 2018 shared task builds it ([`crate::conllu::raw_text`]).
    pub fn from_conllu(sentences: &[Sentence]) -> (String, Doc) {
        let (text, spans) = crate::conllu::raw_text(sentences);
        let mut token = 0;
        let mut out = Vec::with_capacity(sentences.len());
        for (s, spans) in sentences.iter().zip(spans) {
            let mut words = Vec::with_capacity(s.words.len());
            let mut k = 1;
            while k <= s.words.len() {
                let last = s
                    .multiwords
                    .iter()
                    .find(|m| m.first == k && m.last >= k)
                    .map_or(k, |m| m.last.min(s.words.len()));
                for id in k..=last {
                    let w = &s.words[id - 1];
                    words.push(ScoredWord {
                        start: spans[id - 1][0],
                        end: spans[id - 1][1],
                        token,
                        form: w.form.clone(),
                        upos: w.upos.clone(),
                        head: w.head,
                        deprel: w.deprel.clone(),
                    });
                }
                token += 1;
                k = last + 1;
            }
            out.push(words);
        }
        (text, Doc { sentences: out })
    }

    /// A system document of the words of `text` (byte spans, as
    /// [`crate::tokenize::tokenize`] finds them) grouped into `sentences`
    /// (word-index ranges, as [`crate::split::split`] finds them). Tags,
    /// heads and relations are left empty (head 0) for the caller to fill.
    pub fn from_pieces(text: &str, words: &[Piece], sentences: &[Range<usize>]) -> Doc {
        // Byte offsets to char offsets, walking the text once.
        let mut chars = text.char_indices().map(|(b, _)| b).enumerate().peekable();
        let mut to_char = |byte: usize| {
            let mut last = 0;
            while let Some(&(c, b)) = chars.peek() {
                if b >= byte {
                    return if b == byte { c } else { last + 1 };
                }
                last = c;
                chars.next();
            }
            text.chars().count()
        };
        let mut spans = Vec::with_capacity(words.len());
        for w in words {
            let a = to_char(w.start);
            let b = to_char(w.end);
            spans.push((a, b));
        }
        let mut token = 0;
        let mut out = Vec::with_capacity(sentences.len());
        for r in sentences {
            let mut sent = Vec::with_capacity(r.len());
            for i in r.clone() {
                let Some(w) = words.get(i) else { continue };
                if i > 0 && !w.joined {
                    token += 1;
                }
                sent.push(ScoredWord {
                    start: spans[i].0,
                    end: spans[i].1,
                    token,
                    form: text.get(w.start..w.end).unwrap_or("").to_string(),
                    ..ScoredWord::default()
                });
            }
            if !sent.is_empty() {
                out.push(sent);
            }
        }
        Doc { sentences: out }
    }

    /// The system document of parses of `text` (as [`crate::Model::analyze`]
    /// gives them), with their tags, heads and relations.
    pub fn from_parses(text: &str, parses: &[crate::Parse]) -> Doc {
        let mut pieces = Vec::new();
        let mut ranges = Vec::with_capacity(parses.len());
        for p in parses {
            let first = pieces.len();
            pieces.extend(p.words().iter().map(|w| Piece {
                start: w.start,
                end: w.end,
                joined: w.joined,
            }));
            ranges.push(first..pieces.len());
        }
        let mut doc = Doc::from_pieces(text, &pieces, &ranges);
        let sentences = parses.iter().filter(|p| !p.is_empty());
        for (sent, p) in doc.sentences.iter_mut().zip(sentences) {
            for (s, w) in sent.iter_mut().zip(p.words()) {
                s.form.clone_from(&w.form);
                s.upos = w.upos.name().to_string();
                s.head = w.head.map_or(0, |h| h + 1);
                s.deprel = w.deprel.to_string();
            }
        }
        doc
    }
}

/// Counts for one measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct F1 {
    /// Units in the gold document.
    pub gold: usize,
    /// Units in the system document.
    pub system: usize,
    /// Units the system got right.
    pub correct: usize,
    /// Words aligned between the two (for the word-level measures; equal to
    /// `correct` for spans).
    pub aligned: usize,
}

impl F1 {
    /// Correct over system units (0 when there are none).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.system)
    }
    /// Correct over gold units (0 when there are none).
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    /// The harmonic mean of precision and recall: 2·correct / (gold + system).
    pub fn f1(&self) -> f64 {
        ratio(2 * self.correct, self.gold + self.system)
    }
    /// Correct over aligned words: the accuracy on the words both sides
    /// share.
    pub fn aligned_accuracy(&self) -> f64 {
        ratio(self.correct, self.aligned)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// All measures of one comparison.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// Surface tokens (multiword tokens whole).
    pub tokens: F1,
    /// Syntactic words, aligned.
    pub words: F1,
    /// Sentences.
    pub sentences: F1,
    /// Universal parts of speech of aligned words.
    pub upos: F1,
    /// Heads of aligned words.
    pub uas: F1,
    /// Heads and universal relations (subtypes stripped), as CoNLL 2018.
    pub las: F1,
    /// Heads and whole relations, subtypes included.
    pub las_full: F1,
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<10} {:>9} {:>9} {:>9} {:>8} {:>8} {:>8}",
            "Metric", "gold", "system", "correct", "P", "R", "F1"
        )?;
        let rows = [
            ("Tokens", self.tokens),
            ("Words", self.words),
            ("Sentences", self.sentences),
            ("UPOS", self.upos),
            ("UAS", self.uas),
            ("LAS", self.las),
            ("LAS+sub", self.las_full),
        ];
        for (name, s) in rows {
            writeln!(
                f,
                "{name:<10} {:>9} {:>9} {:>9} {:>8.2} {:>8.2} {:>8.2}",
                s.gold,
                s.system,
                s.correct,
                100.0 * s.precision(),
                100.0 * s.recall(),
                100.0 * s.f1()
            )?;
        }
        Ok(())
    }
}

/// A word prepared for alignment: its span in non-space chars (the whole
/// token's span for a word of a multiword token).
struct Unit<'d> {
    start: usize,
    end: usize,
    multi: bool,
    form: String,
    /// Global index of the head word, `None` for the root, `Some(usize::MAX)`
    /// for a head outside the sentence.
    head: Option<usize>,
    word: &'d ScoredWord,
}

/// A span `[start, end)` in non-space chars.
type Span = (usize, usize);

/// Flattens a document: its words as [`Unit`]s, its tokens' spans and its
/// sentences' spans, all in non-space chars.
fn prepare<'d>(doc: &'d Doc, nonspace: &[usize]) -> (Vec<Unit<'d>>, Vec<Span>, Vec<Span>) {
    let pos = |c: usize| {
        nonspace
            .get(c)
            .copied()
            .unwrap_or_else(|| nonspace.last().copied().unwrap_or(0))
    };
    let mut units = Vec::new();
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    let mut sentences = Vec::new();
    for sent in &doc.sentences {
        let base = units.len();
        let first_token = tokens.len();
        let mut k = 0;
        while k < sent.len() {
            let mut last = k;
            while last + 1 < sent.len() && sent[last + 1].token == sent[k].token {
                last += 1;
            }
            let start = sent[k..=last].iter().map(|w| w.start).min().unwrap_or(0);
            let end = sent[k..=last].iter().map(|w| w.end).max().unwrap_or(0);
            let span = (pos(start), pos(end));
            tokens.push(span);
            let multi = last > k;
            for w in &sent[k..=last] {
                let head = match w.head {
                    0 => None,
                    h if h <= sent.len() => Some(base + h - 1),
                    _ => Some(usize::MAX),
                };
                let (start, end) = if multi {
                    span
                } else {
                    (pos(w.start), pos(w.end))
                };
                units.push(Unit {
                    start,
                    end,
                    multi,
                    form: w.form.to_lowercase(),
                    head,
                    word: w,
                });
            }
            k = last + 1;
        }
        if tokens.len() > first_token {
            sentences.push((tokens[first_token].0, tokens[tokens.len() - 1].1));
        }
    }
    (units, tokens, sentences)
}

/// Scores the system document against the gold one, both over `text`.
///
/// ```
/// use statecraft_syntax::{conllu, score::{score, Doc}, split::split, tokenize::tokenize};
/// let gold = conllu::read("1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n").unwrap();
/// let (text, gold) = Doc::from_conllu(&gold);
/// let mut words = Vec::new();
/// tokenize(&text, &mut words);
/// let system = Doc::from_pieces(&text, &words, &split(&text, &words));
/// let s = score(&text, &gold, &system);
/// assert_eq!((s.tokens.f1(), s.sentences.f1()), (1.0, 1.0));
/// ```
pub fn score(text: &str, gold: &Doc, system: &Doc) -> Scores {
    // nonspace[c] = non-space chars before char c.
    let mut nonspace = Vec::with_capacity(text.len() + 1);
    let mut n = 0;
    for c in text.chars() {
        nonspace.push(n);
        n += usize::from(!c.is_whitespace());
    }
    nonspace.push(n);
    let (g, g_tokens, g_sents) = prepare(gold, &nonspace);
    let (s, s_tokens, s_sents) = prepare(system, &nonspace);
    let pairs = align(&g, &s);
    let mut to_gold = vec![None; s.len()];
    for &(gi, si) in &pairs {
        to_gold[si] = Some(gi);
    }
    let words = F1 {
        gold: g.len(),
        system: s.len(),
        correct: pairs.len(),
        aligned: pairs.len(),
    };
    let mut upos = F1 {
        correct: 0,
        ..words
    };
    let mut uas = upos;
    let mut las = upos;
    let mut las_full = upos;
    for &(gi, si) in &pairs {
        let (gw, sw) = (g[gi].word, s[si].word);
        upos.correct += usize::from(gw.upos == sw.upos);
        let head_ok = match (g[gi].head, s[si].head) {
            (None, None) => true,
            (Some(gh), Some(sh)) => {
                gh != usize::MAX && to_gold.get(sh).copied().flatten() == Some(gh)
            }
            _ => false,
        };
        if head_ok {
            uas.correct += 1;
            las.correct += usize::from(universal(&gw.deprel) == universal(&sw.deprel));
            las_full.correct += usize::from(gw.deprel == sw.deprel);
        }
    }
    Scores {
        tokens: spans_score(&g_tokens, &s_tokens),
        words,
        sentences: spans_score(&g_sents, &s_sents),
        upos,
        uas,
        las,
        las_full,
    }
}

/// The universal part of a relation: `nsubj` of `nsubj:pass`.
fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Spans equal on both sides, as the official `spans_score`.
fn spans_score(gold: &[(usize, usize)], system: &[(usize, usize)]) -> F1 {
    let (mut gi, mut si, mut correct) = (0, 0, 0);
    while gi < gold.len() && si < system.len() {
        if system[si].0 < gold[gi].0 {
            si += 1;
        } else if gold[gi].0 < system[si].0 {
            gi += 1;
        } else {
            correct += usize::from(gold[gi].1 == system[si].1);
            gi += 1;
            si += 1;
        }
    }
    F1 {
        gold: gold.len(),
        system: system.len(),
        correct,
        aligned: correct,
    }
}

/// Aligns words as the official `align_words`: pairs of (gold, system)
/// indices, in order.
fn align(g: &[Unit<'_>], s: &[Unit<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(g.len().min(s.len()));
    let (mut gi, mut si) = (0, 0);
    while gi < g.len() && si < s.len() {
        if g[gi].multi || s[si].multi {
            let (gs, ss, ge, se) = multiword_region(g, s, gi, si);
            gi = ge;
            si = se;
            if ge > gs && se > ss {
                lcs_align(&g[gs..ge], &s[ss..se], gs, ss, &mut out);
            }
        } else if (g[gi].start, g[gi].end) == (s[si].start, s[si].end) {
            out.push((gi, si));
            gi += 1;
            si += 1;
        } else if g[gi].start <= s[si].start {
            gi += 1;
        } else {
            si += 1;
        }
    }
    out
}

/// The region `[gs, ge) × [ss, se)` around a multiword token, as the
/// official `find_multiword_span`.
fn multiword_region(
    g: &[Unit<'_>],
    s: &[Unit<'_>],
    mut gi: usize,
    mut si: usize,
) -> (usize, usize, usize, usize) {
    let mut end;
    if g[gi].multi {
        end = g[gi].end;
        if !s[si].multi && s[si].start < g[gi].start {
            si += 1;
        }
    } else {
        end = s[si].end;
        if !g[gi].multi && g[gi].start < s[si].start {
            gi += 1;
        }
    }
    let (gs, ss) = (gi, si);
    let beyond = |w: &[Unit<'_>], i: usize, end: usize| match w.get(i) {
        None => true,
        Some(u) if u.multi => u.start >= end,
        Some(u) => u.end > end,
    };
    let extend = |u: &Unit<'_>, end: usize| if u.multi && u.end > end { u.end } else { end };
    while !beyond(g, gi, end) || !beyond(s, si, end) {
        if gi < g.len() && (si >= s.len() || g[gi].start <= s[si].start) {
            end = extend(&g[gi], end);
            gi += 1;
        } else {
            end = extend(&s[si], end);
            si += 1;
        }
    }
    (gs, ss, gi, si)
}

/// Aligns the words of a multiword region by the longest common
/// subsequence of their lower-cased forms, as the official script.
fn lcs_align(g: &[Unit<'_>], s: &[Unit<'_>], gs: usize, ss: usize, out: &mut Vec<(usize, usize)>) {
    let (n, m) = (g.len(), s.len());
    let at = |t: &[usize], a: usize, b: usize| if a < n && b < m { t[a * m + b] } else { 0 };
    let mut t = vec![0usize; n * m];
    for a in (0..n).rev() {
        for b in (0..m).rev() {
            let mut v = if g[a].form == s[b].form {
                1 + at(&t, a + 1, b + 1)
            } else {
                0
            };
            v = v.max(at(&t, a + 1, b)).max(at(&t, a, b + 1));
            t[a * m + b] = v;
        }
    }
    let (mut a, mut b) = (0, 0);
    while a < n && b < m {
        if g[a].form == s[b].form {
            out.push((gs + a, ss + b));
            a += 1;
            b += 1;
        } else if at(&t, a, b) == at(&t, a + 1, b) {
            a += 1;
        } else {
            b += 1;
        }
    }
}

#[cfg(test)]
mod tests;
