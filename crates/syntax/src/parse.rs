//! A parsed sentence: words with tags, lemmas and a dependency tree that
//! can be walked by head, dependents and subtree.

use crate::conllu;
use crate::ud::Upos;

/// One syntactic word of a parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The form, as in the text.
    pub form: String,
    /// Byte offset of the word in the text that was parsed.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// Whether this word continues the previous word's token ("n't" of
    /// "don't").
    pub joined: bool,
    /// Universal part of speech.
    pub upos: Upos,
    /// Penn Treebank tag.
    pub xpos: &'static str,
    /// Lemma.
    pub lemma: String,
    /// Index of the head word in the parse, `None` for the root.
    pub head: Option<usize>,
    /// Relation to the head (`root` for the root), with its subtype.
    pub deprel: &'static str,
}

/// A parsed sentence: its words in order, forming one tree.
///
/// ```
/// let p = statecraft_syntax::parse("Seoul weighs ties with Damascus.");
/// let root = p.root().unwrap();
/// assert_eq!(p.words()[root].form, "weighs");
/// let subject = p.dependents(root).find(|&d| p.words()[d].deprel == "nsubj").unwrap();
/// assert_eq!(p.words()[subject].form, "Seoul");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parse {
    words: Vec<Word>,
    cuts: Vec<usize>,
    /// First and last word of each word's subtree.
    spans: Vec<(usize, usize)>,
}

impl Parse {
    /// A parse of `words`, whose heads form one tree.
    pub(crate) fn new(words: Vec<Word>, cuts: Vec<usize>) -> Parse {
        let n = words.len();
        // Depths by walking up with memory: linear overall.
        let mut depth = vec![usize::MAX; n];
        let mut path = Vec::new();
        for i in 0..n {
            let mut x = i;
            while depth[x] == usize::MAX {
                path.push(x);
                match words[x].head {
                    Some(h) if h < n && path.len() <= n => x = h,
                    _ => break,
                }
            }
            let mut d = if depth[x] == usize::MAX {
                0
            } else {
                depth[x] + 1
            };
            while let Some(y) = path.pop() {
                if depth[y] == usize::MAX {
                    depth[y] = d;
                    d += 1;
                } else {
                    d = depth[y] + 1;
                }
            }
        }
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(depth[i]));
        let mut spans: Vec<(usize, usize)> = (0..n).map(|i| (i, i)).collect();
        for i in order {
            if let Some(h) = words[i].head.filter(|&h| h < n) {
                let (lo, hi) = spans[i];
                spans[h] = (spans[h].0.min(lo), spans[h].1.max(hi));
            }
        }
        Parse { words, cuts, spans }
    }

    /// The words.
    pub fn words(&self) -> &[Word] {
        &self.words
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The root word.
    pub fn root(&self) -> Option<usize> {
        self.words.iter().position(|w| w.head.is_none())
    }

    /// The head of word `i`.
    pub fn head(&self, i: usize) -> Option<usize> {
        self.words.get(i).and_then(|w| w.head)
    }

    /// The dependents of word `i`, left to right.
    pub fn dependents(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.words
            .iter()
            .enumerate()
            .filter(move |(_, w)| w.head == Some(i))
            .map(|(d, _)| d)
    }

    /// The first and last word of the subtree headed by `i` (the parser's
    /// trees are projective, so every word between is in it).
    ///
    /// # Panics
    /// If `i` is not a word of the parse.
    pub fn subtree(&self, i: usize) -> std::ops::RangeInclusive<usize> {
        let (lo, hi) = self.spans[i];
        lo..=hi
    }

    /// The byte span of the subtree headed by `i` in the parsed text.
    ///
    /// # Panics
    /// If `i` is not a word of the parse.
    pub fn subtree_span(&self, i: usize) -> std::ops::Range<usize> {
        let r = self.subtree(i);
        self.words[*r.start()].start..self.words[*r.end()].end
    }

    /// Whether `a` is `d` or one of its ancestors.
    pub fn dominates(&self, a: usize, d: usize) -> bool {
        let mut x = Some(d);
        // A tree is at most `len` deep; the bound also guards a cycle.
        for _ in 0..=self.words.len() {
            match x {
                Some(y) if y == a => return true,
                Some(y) => x = self.head(y),
                None => return false,
            }
        }
        false
    }

    /// Words after which the sentence was cut because it was too long to
    /// parse whole; each piece was parsed alone, and the roots of the later
    /// pieces hang from the first piece's root as `parataxis`.
    pub fn cuts(&self) -> &[usize] {
        &self.cuts
    }

    /// The parse as a CoNLL-U sentence with its id; `text` is the text
    /// the parse's spans are in, and the sentence's `# text` is its part
    /// from the first word to the last. Cuts are noted in a `# cut_after`
    /// comment (1-based word numbers).
    pub fn to_conllu(&self, id: &str, text: &str) -> conllu::Sentence {
        let span = match (self.words.first(), self.words.last()) {
            (Some(a), Some(b)) => text.get(a.start..b.end).unwrap_or_default(),
            _ => "",
        };
        let mut s = conllu::Sentence {
            id: id.to_string(),
            text: span.to_string(),
            ..Default::default()
        };
        if !self.cuts.is_empty() {
            let cuts: Vec<String> = self.cuts.iter().map(|c| (c + 1).to_string()).collect();
            s.comments.push(format!("cut_after = {}", cuts.join(" ")));
        }
        let mut i = 0;
        while i < self.words.len() {
            let mut j = i;
            while j + 1 < self.words.len() && self.words[j + 1].joined {
                j += 1;
            }
            let space_after = |k: usize| {
                self.words
                    .get(k + 1)
                    .is_some_and(|n| n.start > self.words[k].end)
            };
            if j > i {
                let form = text
                    .get(self.words[i].start..self.words[j].end)
                    .unwrap_or_default()
                    .to_string();
                s.multiwords.push(conllu::Multiword {
                    first: i + 1,
                    last: j + 1,
                    form,
                    space_after: space_after(j),
                });
            }
            for k in i..=j {
                let w = &self.words[k];
                s.words.push(conllu::Word {
                    form: w.form.clone(),
                    lemma: w.lemma.clone(),
                    upos: w.upos.name().to_string(),
                    xpos: w.xpos.to_string(),
                    head: w.head.map_or(0, |h| h + 1),
                    deprel: w.deprel.to_string(),
                    space_after: k == j && space_after(k),
                });
            }
            i = j + 1;
        }
        s
    }
}
