//! The arc-hybrid parser state and its transitions.

/// No word.
pub(crate) const NONE: u32 = u32::MAX;

/// A labelled transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Transition {
    /// Push the buffer's front onto the stack.
    Shift,
    /// The stack's top takes the buffer's front as head, with this label.
    Left(u8),
    /// The stack's top takes the item below it as head, with this label.
    Right(u8),
}

impl Transition {
    /// The transition of a class number.
    #[inline]
    pub(crate) fn from_class(c: usize, labels: usize) -> Transition {
        if c == 0 {
            Transition::Shift
        } else if c <= labels {
            Transition::Left((c - 1) as u8)
        } else {
            Transition::Right((c - 1 - labels) as u8)
        }
    }

    /// The class number of a transition (the inverse of `from_class`).
    #[cfg(test)]
    pub(crate) fn class(self, labels: usize) -> usize {
        match self {
            Transition::Shift => 0,
            Transition::Left(l) => 1 + usize::from(l),
            Transition::Right(l) => 1 + labels + usize::from(l),
        }
    }
}

/// A parser state over `n` words; the root is word `n`, at the end of the
/// buffer.
#[derive(Clone, Debug)]
pub(crate) struct State {
    pub(crate) n: usize,
    pub(crate) stack: Vec<u32>,
    /// The buffer's front; `n` is the root.
    pub(crate) b: usize,
    /// Each word's head, `NONE` until attached.
    pub(crate) head: Vec<u32>,
    pub(crate) label: Vec<u8>,
    /// Leftmost and second leftmost dependents, per word and the root.
    pub(crate) left: Vec<[u32; 2]>,
    /// Rightmost and second rightmost dependents.
    pub(crate) right: Vec<[u32; 2]>,
    /// Numbers of left and right dependents (saturating).
    pub(crate) valency: Vec<[u8; 2]>,
    /// Sets of the labels of left and right dependents, as bits.
    pub(crate) labels: Vec<[u64; 2]>,
}

impl State {
    /// The initial state: everything in the buffer.
    pub(crate) fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(16),
            b: 0,
            head: vec![NONE; n],
            label: vec![0; n],
            left: vec![[NONE; 2]; n + 1],
            right: vec![[NONE; 2]; n + 1],
            valency: vec![[0; 2]; n + 1],
            labels: vec![[0; 2]; n + 1],
        }
    }

    /// Whether parsing is over: every word attached.
    #[inline]
    pub(crate) fn is_terminal(&self) -> bool {
        self.b == self.n && self.stack.is_empty()
    }

    /// Whether `t` may be taken; `root` is the root label.
    #[inline]
    pub(crate) fn is_valid(&self, t: Transition, root: u8) -> bool {
        match t {
            Transition::Shift => self.b < self.n,
            Transition::Left(l) => {
                if self.b == self.n {
                    self.stack.len() == 1 && l == root
                } else {
                    !self.stack.is_empty() && l != root
                }
            }
            Transition::Right(l) => self.stack.len() >= 2 && l != root,
        }
    }

    /// Takes a valid transition.
    pub(crate) fn apply(&mut self, t: Transition) {
        match t {
            Transition::Shift => {
                self.stack.push(self.b as u32);
                self.b += 1;
            }
            Transition::Left(l) => {
                let d = self.stack.pop().expect("valid left");
                self.attach(d, self.b as u32, l);
            }
            Transition::Right(l) => {
                let d = self.stack.pop().expect("valid right");
                let h = *self.stack.last().expect("valid right");
                self.attach(d, h, l);
            }
        }
    }

    fn attach(&mut self, d: u32, h: u32, l: u8) {
        self.head[d as usize] = h;
        self.label[d as usize] = l;
        let hi = h as usize;
        let side = usize::from(d > h);
        let kids = if side == 0 {
            &mut self.left[hi]
        } else {
            &mut self.right[hi]
        };
        // Outermost first: leftmost for left dependents, rightmost for right.
        let outer = |a: u32, b: u32| if side == 0 { a < b } else { a > b };
        if kids[0] == NONE || outer(d, kids[0]) {
            kids[1] = kids[0];
            kids[0] = d;
        } else if kids[1] == NONE || outer(d, kids[1]) {
            kids[1] = d;
        }
        self.valency[hi][side] = self.valency[hi][side].saturating_add(1);
        self.labels[hi][side] |= 1u64 << (l & 63);
    }

    /// The `k`th item from the stack's top.
    #[inline]
    pub(crate) fn s(&self, k: usize) -> u32 {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            NONE
        }
    }

    /// The `k`th item of the buffer (`n` is the root).
    #[inline]
    pub(crate) fn buf(&self, k: usize) -> u32 {
        let i = self.b + k;
        if i <= self.n {
            i as u32
        } else {
            NONE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Seoul weighs ties": shift, shift, left(nsubj)... ends in one tree.
    #[test]
    fn transitions_build_a_tree() {
        let (nsubj, root, obj) = (0u8, 1u8, 2u8);
        let mut s = State::new(3);
        for t in [
            Transition::Shift,
            Transition::Left(nsubj),
            Transition::Shift,
            Transition::Shift,
            Transition::Right(obj),
        ] {
            assert!(s.is_valid(t, root), "{t:?}");
            s.apply(t);
        }
        assert!(!s.is_valid(Transition::Left(obj), root));
        assert!(!s.is_valid(Transition::Shift, root));
        s.apply(Transition::Left(root));
        assert!(s.is_terminal());
        assert_eq!(s.head, vec![1, 3, 1]);
        assert_eq!(s.label, vec![nsubj, root, obj]);
        assert_eq!(s.left[1], [0, NONE]);
        assert_eq!(s.right[1], [2, NONE]);
        assert_eq!(s.valency[1], [1, 1]);
    }

    #[test]
    fn classes_round_trip() {
        for c in 0..11 {
            assert_eq!(Transition::from_class(c, 5).class(5), c);
        }
    }
}
