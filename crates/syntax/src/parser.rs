//! The dependency parser: the arc-hybrid transition system (Kuhlmann et al.
//! 2011) with the root at the end of the buffer, greedy decoding, and an
//! averaged perceptron over rich feature templates (after Zhang and Nivre
//! 2011), trained with a dynamic oracle and exploration (Goldberg and Nivre
//! 2013).
//!
//! A class is a labelled transition: `SHIFT`, `LEFT(l)` (the stack's top
//! takes the buffer's front as its head) and `RIGHT(l)` (the stack's top
//! takes the item below it as its head). The root word is the one that
//! takes the root, at the end of the buffer, as its head, and only the last
//! word left on the stack may; so every parse is one tree with one root.

pub(crate) mod features;
pub(crate) mod oracle;
pub(crate) mod state;

use crate::perceptron::{best, Weights};
use state::{State, Transition};

/// A frozen parser.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Parser {
    /// Relation names; `labels[root]` is `root`.
    pub(crate) labels: Vec<&'static str>,
    /// Index of `root` in `labels`.
    pub(crate) root: u8,
    pub(crate) weights: Weights,
}

/// What the parser knows of each word: its lowercase and tag values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Item {
    pub(crate) word: u64,
    pub(crate) tag: u64,
    /// Separators (commas, semicolons, colons, dashes) before this word.
    pub(crate) separators: u32,
    /// Whether this word is one.
    pub(crate) separator: bool,
}

/// The parser's view of tagged words.
pub(crate) fn items(lex: &[crate::lex::Lex], tags: &[u8], out: &mut Vec<Item>) {
    out.clear();
    let mut before = 0;
    for (l, &t) in lex.iter().zip(tags) {
        out.push(Item {
            word: l.lower,
            tag: crate::train::tag_value(t),
            separators: before,
            separator: l.separator,
        });
        before += u32::from(l.separator);
    }
}

impl Parser {
    /// Number of classes: one shift, a left and a right arc per label.
    pub(crate) fn classes(&self) -> usize {
        1 + 2 * self.labels.len()
    }

    /// Parses `items`, writing each word's head (`items.len()` is the root)
    /// and label into `heads` and `labels`.
    pub(crate) fn parse(&self, items: &[Item], heads: &mut Vec<u32>, labels: &mut Vec<u8>) {
        let n_labels = self.labels.len();
        let mut state = State::new(items.len());
        let mut feats = Vec::with_capacity(features::COUNT);
        let mut scores = vec![0i32; self.classes()];
        while !state.is_terminal() {
            // Where one move is all there is, scoring would choose it
            // anyway: shifting onto an empty stack, and the last word
            // taking the root.
            if state.stack.is_empty() {
                state.apply(Transition::Shift);
                continue;
            }
            if state.b == state.n && state.stack.len() == 1 {
                state.apply(Transition::Left(self.root));
                continue;
            }
            features::extract(&state, items, &mut feats);
            scores.fill(0);
            self.weights.score(&feats, &mut scores);
            let choice = best(&scores, |c| {
                state.is_valid(Transition::from_class(c, n_labels), self.root)
            })
            .expect("a non-terminal state always has a valid transition");
            state.apply(Transition::from_class(choice, n_labels));
        }
        heads.clear();
        heads.extend_from_slice(&state.head);
        labels.clear();
        labels.extend_from_slice(&state.label);
    }
}
