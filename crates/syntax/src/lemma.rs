//! The lemmatiser: what the treebanks say for words they contain, and
//! suffix rules learnt from them for words they do not.
//!
//! A lemma is written as an edit of the lowercased form: cut so many
//! characters from the end, then append a string (`studies` → cut 3, add
//! `y`). Training counts, for each XPOS and each ending of up to five
//! characters, which edit the treebank's words with that ending take, and
//! keeps the most frequent; a word the treebank knew keeps its own lemma.

use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// An edit from a lowercased form to its lemma.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Edit {
    /// Characters cut from the end.
    pub(crate) cut: u8,
    /// What is appended.
    pub(crate) add: String,
}

impl Edit {
    /// The edit that turns `lower` into `lemma`, if it is one (`cut` fits).
    pub(crate) fn between(lower: &str, lemma: &str) -> Option<Edit> {
        let common = lower
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let cut = lower.chars().count() - common;
        let add: String = lemma.chars().skip(common).collect();
        Some(Edit {
            cut: u8::try_from(cut).ok()?,
            add,
        })
    }

    /// Applies the edit, or gives `lower` back if it is too short.
    pub(crate) fn apply(&self, lower: &str) -> String {
        let n = lower.chars().count();
        if usize::from(self.cut) > n {
            return lower.to_string();
        }
        let mut s: String = lower.chars().take(n - usize::from(self.cut)).collect();
        s.push_str(&self.add);
        s
    }
}

/// Longest ending a rule looks at.
const MAX_ENDING: usize = 5;

/// A frozen lemmatiser, keyed by XPOS.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Lemmatizer {
    /// `(xpos, lowercased form)` → lemma, for the words the treebanks hold
    /// whose lemma the rules would get wrong.
    pub(crate) words: BTreeMap<(String, String), String>,
    /// `(xpos, ending)` → edit.
    pub(crate) rules: BTreeMap<(String, String), Edit>,
    /// The same, by XPOS then word or ending, in hash maps: a lemma is
    /// asked for every word parsed, and these look-ups need no key built
    /// (the ordered maps' tuple keys took two strings a probe).
    by_xpos: FxHashMap<String, ByXpos>,
}

/// The words and rules of one XPOS.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct ByXpos {
    words: FxHashMap<String, String>,
    rules: FxHashMap<String, Edit>,
}

impl Lemmatizer {
    /// A lemmatiser of these exceptions and rules.
    pub(crate) fn new(
        words: BTreeMap<(String, String), String>,
        rules: BTreeMap<(String, String), Edit>,
    ) -> Lemmatizer {
        let mut by_xpos: FxHashMap<String, ByXpos> = FxHashMap::default();
        for ((xpos, lower), lemma) in &words {
            let tag = by_xpos.entry(xpos.clone()).or_default();
            tag.words.insert(lower.clone(), lemma.clone());
        }
        for ((xpos, ending), edit) in &rules {
            let tag = by_xpos.entry(xpos.clone()).or_default();
            tag.rules.insert(ending.clone(), edit.clone());
        }
        Lemmatizer {
            words,
            rules,
            by_xpos,
        }
    }

    /// The lemma of `form` tagged `xpos` (`upos` decides whether case is
    /// kept, as it is for proper nouns).
    pub(crate) fn lemma(&self, form: &str, xpos: &str, keep_case: bool) -> String {
        let lower = form.to_lowercase();
        let tag = self.by_xpos.get(xpos);
        if let Some(l) = tag.and_then(|t| t.words.get(lower.as_str())) {
            return l.clone();
        }
        if keep_case {
            return form.to_string();
        }
        let Some(tag) = tag else {
            return lower;
        };
        // Where the last one to five characters start: `starts[k]` is the
        // start of the ending of `k + 1` characters. Longest ending first.
        let mut starts = [0usize; MAX_ENDING];
        let mut n = 0;
        for (i, _) in lower.char_indices().rev().take(MAX_ENDING) {
            starts[n] = i;
            n += 1;
        }
        for &start in starts[..n].iter().rev() {
            if let Some(e) = tag.rules.get(&lower[start..]) {
                return e.apply(&lower);
            }
        }
        lower
    }
}

/// Counts what the treebank does, then freezes it.
#[derive(Debug, Default)]
pub(crate) struct LemmaTrainer {
    words: BTreeMap<(String, String), BTreeMap<String, u32>>,
    endings: BTreeMap<(String, String), BTreeMap<Edit, u32>>,
}

/// The most frequent key, the smallest on ties.
fn most<K: Ord + Clone>(counts: &BTreeMap<K, u32>) -> Option<(K, u32)> {
    let mut best: Option<(&K, u32)> = None;
    for (k, &c) in counts {
        if best.is_none_or(|(_, b)| c > b) {
            best = Some((k, c));
        }
    }
    best.map(|(k, c)| (k.clone(), c))
}

impl LemmaTrainer {
    /// Counts one word of the treebank.
    pub(crate) fn add(&mut self, form: &str, xpos: &str, lemma: &str) {
        if lemma.is_empty() || lemma == "_" {
            return;
        }
        let lower = form.to_lowercase();
        *self
            .words
            .entry((xpos.to_string(), lower.clone()))
            .or_default()
            .entry(lemma.to_string())
            .or_default() += 1;
        let Some(edit) = Edit::between(&lower, &lemma.to_lowercase()) else {
            return;
        };
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        for k in 1..=MAX_ENDING.min(chars.len()) {
            let ending = &lower[chars[chars.len() - k].0..];
            *self
                .endings
                .entry((xpos.to_string(), ending.to_string()))
                .or_default()
                .entry(edit.clone())
                .or_default() += 1;
        }
    }

    /// The lemmatiser: rules seen at least twice, and the words the rules
    /// (or the case of proper nouns) would get wrong.
    pub(crate) fn freeze(&self, keeps_case: impl Fn(&str) -> bool) -> Lemmatizer {
        let mut rules = BTreeMap::new();
        for (key, counts) in &self.endings {
            if let Some((edit, n)) = most(counts) {
                if n >= 2 {
                    rules.insert(key.clone(), edit);
                }
            }
        }
        let ruled_by = Lemmatizer::new(BTreeMap::new(), rules);
        let mut words = BTreeMap::new();
        for ((xpos, lower), counts) in &self.words {
            let Some((lemma, _)) = most(counts) else {
                continue;
            };
            // What the frozen rules alone would say (case kept for proper
            // nouns, which the exceptions then fix).
            let ruled = if keeps_case(xpos) {
                None
            } else {
                Some(ruled_by.lemma(lower, xpos, false))
            };
            if ruled.as_deref() != Some(lemma.as_str()) {
                words.insert((xpos.clone(), lower.clone()), lemma);
            }
        }
        Lemmatizer::new(words, ruled_by.rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits() {
        let e = Edit::between("studies", "study").unwrap();
        assert_eq!(
            e,
            Edit {
                cut: 3,
                add: "y".into()
            }
        );
        assert_eq!(e.apply("parties"), "party");
        assert_eq!(Edit::between("was", "be").unwrap().apply("was"), "be");
        assert_eq!(
            Edit {
                cut: 9,
                add: "x".into()
            }
            .apply("ab"),
            "ab"
        );
    }

    #[test]
    fn learns_rules_and_exceptions() {
        let mut t = LemmaTrainer::default();
        for (f, x, l) in [
            ("parties", "NNS", "party"),
            ("studies", "NNS", "study"),
            ("forces", "NNS", "force"),
            ("ties", "NNS", "tie"),
            ("relations", "NNS", "relation"),
            ("talks", "NNS", "talk"),
            ("went", "VBD", "go"),
            ("TEHRAN", "NNP", "Tehran"),
        ] {
            t.add(f, x, l);
        }
        let lem = t.freeze(|x| x.starts_with("NNP"));
        // Known words, rules for unknown ones, case kept for proper nouns.
        assert_eq!(lem.lemma("went", "VBD", false), "go");
        assert_eq!(lem.lemma("ties", "NNS", false), "tie");
        assert_eq!(lem.lemma("Tehran", "NNP", true), "Tehran");
        assert_eq!(lem.lemma("TEHRAN", "NNP", true), "Tehran");
        assert_eq!(lem.lemma("Talks", "NNS", false), "talk");
        assert_eq!(lem.lemma("sanctions", "NNS", false), "sanction");
        assert_eq!(lem.lemma("Damascus", "NNP", true), "Damascus");
    }
}
