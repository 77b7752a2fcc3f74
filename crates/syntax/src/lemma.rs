//! The lemmatiser: what the treebanks say for words they contain, and
//! suffix rules learnt from them for words they do not.
//!
//! A lemma is written as an edit of the lowercased form: cut so many
//! characters from the end, then append a string (`studies` → cut 3, add
//! `y`). Training counts, for each XPOS and each ending of up to five
//! characters, which edit the treebank's words with that ending take, and
//! keeps the most frequent; a word the treebank knew keeps its own lemma.

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
}

impl Lemmatizer {
    /// The lemma of `form` tagged `xpos` (`upos` decides whether case is
    /// kept, as it is for proper nouns).
    pub(crate) fn lemma(&self, form: &str, xpos: &str, keep_case: bool) -> String {
        let lower = form.to_lowercase();
        // Cheap probes first: most words need no allocation beyond `lower`.
        let key = (xpos.to_string(), lower);
        if let Some(l) = self.words.get(&key) {
            return l.clone();
        }
        let lower = key.1;
        if keep_case {
            return form.to_string();
        }
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        for k in (1..=MAX_ENDING.min(chars.len())).rev() {
            let ending = &lower[chars[chars.len() - k].0..];
            if let Some(e) = self.rules.get(&(xpos.to_string(), ending.to_string())) {
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
        let mut out = Lemmatizer::default();
        for (key, counts) in &self.endings {
            if let Some((edit, n)) = most(counts) {
                if n >= 2 {
                    out.rules.insert(key.clone(), edit);
                }
            }
        }
        for ((xpos, lower), counts) in &self.words {
            let Some((lemma, _)) = most(counts) else {
                continue;
            };
            // What the frozen rules alone would say (case kept for proper
            // nouns, which the exceptions then fix).
            let ruled = if keeps_case(xpos) {
                None
            } else {
                Some(out.lemma(lower, xpos, false))
            };
            if ruled.as_deref() != Some(lemma.as_str()) {
                out.words.insert((xpos.clone(), lower.clone()), lemma);
            }
        }
        out
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
