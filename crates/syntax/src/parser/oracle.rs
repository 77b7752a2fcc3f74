//! The dynamic oracle of the arc-hybrid system (Goldberg and Nivre 2013):
//! how many gold arcs a transition makes unreachable from the current
//! state. Training follows any transition of least cost, so that the
//! parser learns to recover from its own mistakes.

use super::state::{State, Transition, NONE};

/// A sentence's gold tree: each word's head (`n` is the root) and label.
pub(crate) struct Gold<'a> {
    pub(crate) heads: &'a [u32],
    pub(crate) labels: &'a [u8],
}

/// The unlabelled costs of shift, left and right in `state`.
pub(crate) fn costs(state: &State, gold: &Gold<'_>) -> [u32; 3] {
    let n = state.n as u32;
    let b = state.b as u32;
    let s0 = state.s(0);
    let s1 = state.s(1);
    let g = |x: u32| gold.heads[x as usize];
    // Gold dependents of s0 still in the buffer (the root has none to lose
    // here: it heads only the last word).
    let deps_in_buffer = |x: u32| (b..n).filter(|&d| g(d) == x).count() as u32;
    let shift = if b < n {
        let deps_on_stack = state.stack.iter().filter(|&&k| g(k) == b).count() as u32;
        let head_deep = state.stack.iter().rev().skip(1).any(|&k| k == g(b));
        deps_on_stack + u32::from(head_deep)
    } else {
        u32::MAX
    };
    let (left, right) = if s0 == NONE {
        (u32::MAX, u32::MAX)
    } else {
        let h = g(s0);
        let deps = deps_in_buffer(s0);
        let left = u32::from(h != b && ((s1 != NONE && h == s1) || (h > b && h <= n))) + deps;
        let right = if s1 == NONE {
            u32::MAX
        } else {
            u32::from(h != s1 && h >= b && h <= n) + deps
        };
        (left, right)
    };
    [shift, left, right]
}

/// The cost of a labelled transition, given the unlabelled costs.
pub(crate) fn cost(state: &State, gold: &Gold<'_>, unlabelled: [u32; 3], t: Transition) -> u32 {
    let wrong_label = |head: u32, l: u8| {
        let s0 = state.s(0);
        u32::from(gold.heads[s0 as usize] == head && gold.labels[s0 as usize] != l)
    };
    match t {
        Transition::Shift => unlabelled[0],
        Transition::Left(l) => unlabelled[1].saturating_add(wrong_label(state.b as u32, l)),
        Transition::Right(l) => unlabelled[2].saturating_add(wrong_label(state.s(1), l)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Following the least-cost transition from the start always rebuilds a
    /// projective gold tree exactly, and each step's cost is 0.
    #[test]
    fn oracle_rebuilds_gold_trees() {
        // (heads, labels): word n is the root.
        let trees: &[(&[u32], &[u8])] = &[
            (&[1, 3, 1], &[0, 1, 2]),
            (&[1, 5, 3, 1, 3], &[0, 1, 0, 2, 3]),
            (&[3, 0, 0, 4, 6, 4], &[2, 3, 3, 2, 0, 4]),
            (&[1], &[1]),
        ];
        let root = 1u8;
        for (heads, labels) in trees {
            let n = heads.len();
            // Make the word headed by the root carry the root label.
            let labels: Vec<u8> = labels
                .iter()
                .zip(heads.iter())
                .map(|(&l, &h)| if h as usize == n { root } else { l })
                .collect();
            let gold = Gold {
                heads,
                labels: &labels,
            };
            let mut s = State::new(n);
            while !s.is_terminal() {
                let u = costs(&s, &gold);
                let t = (0..1 + 2 * 5)
                    .map(|c| Transition::from_class(c, 5))
                    .filter(|&t| s.is_valid(t, root))
                    .min_by_key(|&t| cost(&s, &gold, u, t))
                    .unwrap();
                assert_eq!(cost(&s, &gold, u, t), 0, "{heads:?} at {t:?}");
                s.apply(t);
            }
            assert_eq!(&s.head[..], *heads);
            assert_eq!(s.label, labels);
        }
    }

    /// A wrong attachment costs the arcs it loses.
    #[test]
    fn costs_count_lost_arcs() {
        // 0 <- 1 -> 2, root 1: with 0 on the stack and 1 in front, shifting
        // loses 0's head.
        let heads = [1u32, 3, 1];
        let labels = [0u8, 1, 2];
        let gold = Gold {
            heads: &heads,
            labels: &labels,
        };
        let mut s = State::new(3);
        s.apply(Transition::Shift);
        assert_eq!(costs(&s, &gold), [1, 0, u32::MAX]);
        assert_eq!(cost(&s, &gold, costs(&s, &gold), Transition::Left(2)), 1);
    }
}
