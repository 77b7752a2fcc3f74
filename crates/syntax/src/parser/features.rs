//! The parser's feature templates: words, tags, dependents, labels,
//! distance and valency around the stack's top two items and the buffer's
//! front (after Zhang and Nivre 2011, moved to the arc-hybrid system where
//! the two candidate heads of the stack's top are the item below it and the
//! buffer's front).

use super::state::{State, NONE};
use super::Item;
use crate::hash::mix;

/// Number of features of a state.
pub(crate) const COUNT: usize = 100;

const NONE_WORD: u64 = 0x4e4f_4e45;
const ROOT_WORD: u64 = 0x524f_4f54;
const NONE_TAG: u64 = 0x1_0000;
const ROOT_TAG: u64 = 0x1_0001;
const NONE_LABEL: u64 = 0x2_0000;

/// The views of one position.
#[derive(Clone, Copy)]
struct Pos {
    w: u64,
    t: u64,
    /// Label of the word (if attached: dependents only).
    l: u64,
}

#[inline]
fn k1(id: u64, a: u64) -> u64 {
    mix(id.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x7a11, a)
}

#[inline]
fn k2(id: u64, a: u64, b: u64) -> u64 {
    mix(k1(id, a), b)
}

#[inline]
fn k3(id: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(k2(id, a, b), c)
}

/// Distance between two positions, bucketed.
#[inline]
fn dist(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 7;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => u64::from(d),
        5..=9 => 5,
        _ => 6,
    }
}

/// Writes the features of `state` to `out`.
pub(crate) fn extract(state: &State, items: &[Item], out: &mut Vec<u64>) {
    out.clear();
    let n = state.n as u32;
    let pos = |x: u32| -> Pos {
        if x == NONE {
            Pos {
                w: NONE_WORD,
                t: NONE_TAG,
                l: NONE_LABEL,
            }
        } else if x == n {
            Pos {
                w: ROOT_WORD,
                t: ROOT_TAG,
                l: NONE_LABEL,
            }
        } else {
            let it = items[x as usize];
            Pos {
                w: it.word,
                t: it.tag,
                l: u64::from(state.label[x as usize]),
            }
        }
    };
    let kid = |x: u32, side: usize, k: usize| -> u32 {
        if x == NONE {
            return NONE;
        }
        if side == 0 {
            state.left[x as usize][k]
        } else {
            state.right[x as usize][k]
        }
    };
    let val = |x: u32, side: usize| -> u64 {
        if x == NONE {
            99
        } else {
            u64::from(state.valency[x as usize][side])
        }
    };
    let set = |x: u32, side: usize| -> u64 {
        if x == NONE {
            1 << 63
        } else {
            state.labels[x as usize][side]
        }
    };
    let (s0i, s1i, b0i) = (state.s(0), state.s(1), state.buf(0));
    let (s0, s1, s2) = (pos(s0i), pos(s1i), pos(state.s(2)));
    let (b0, b1, b2) = (pos(b0i), pos(state.buf(1)), pos(state.buf(2)));
    let s0l1 = pos(kid(s0i, 0, 0));
    let s0l2 = pos(kid(s0i, 0, 1));
    let s0r1 = pos(kid(s0i, 1, 0));
    let s0r2 = pos(kid(s0i, 1, 1));
    let s1l1 = pos(kid(s1i, 0, 0));
    let s1r1 = pos(kid(s1i, 1, 0));
    let s1r2 = pos(kid(s1i, 1, 1));
    let b0l1 = pos(kid(b0i, 0, 0));
    let b0l2 = pos(kid(b0i, 0, 1));
    let wt = |p: Pos| mix(p.w, p.t);
    let d = dist(s0i, b0i);
    let d1 = dist(s1i, s0i);
    // Separators strictly between two positions (the root counts none).
    let between = |a: u32, b: u32| -> u64 {
        if a == NONE || b == NONE || a >= n || b >= n || a >= b {
            return 3;
        }
        let (x, y) = (&items[a as usize], &items[b as usize]);
        u64::from((y.separators - x.separators - u32::from(x.separator)).min(2))
    };
    let c = between(s0i, b0i);
    let c1 = between(s1i, s0i);
    out.extend_from_slice(&[
        // Single positions.
        k1(1, s0.w),
        k1(2, s0.t),
        k1(3, wt(s0)),
        k1(4, s1.w),
        k1(5, s1.t),
        k1(6, wt(s1)),
        k1(7, b0.w),
        k1(8, b0.t),
        k1(9, wt(b0)),
        k1(10, b1.w),
        k1(11, b1.t),
        k1(12, wt(b1)),
        k1(13, b2.w),
        k1(14, b2.t),
        k1(15, s2.t),
        k1(16, s2.w),
        // Pairs.
        k2(17, wt(s0), wt(b0)),
        k2(18, wt(s0), b0.w),
        k2(19, s0.w, wt(b0)),
        k2(20, wt(s0), b0.t),
        k2(21, s0.t, wt(b0)),
        k2(22, s0.w, b0.w),
        k2(23, s0.t, b0.t),
        k2(24, b0.t, b1.t),
        k2(25, s1.t, s0.t),
        k2(26, s1.w, s0.w),
        k2(27, wt(s1), s0.t),
        k2(28, s1.t, wt(s0)),
        k2(29, s1.t, b0.t),
        k2(30, s1.w, b0.w),
        k2(31, wt(s1), wt(s0)),
        // Triples of tags.
        k3(32, b0.t, b1.t, b2.t),
        k3(33, s0.t, b0.t, b1.t),
        k3(34, s1.t, s0.t, b0.t),
        k3(35, s2.t, s1.t, s0.t),
        k3(36, s0.t, s0l1.t, b0.t),
        k3(37, s0.t, s0r1.t, b0.t),
        k3(38, s0.t, b0.t, b0l1.t),
        k3(39, s1.t, s1r1.t, s0.t),
        k3(40, s1.t, s0.t, s0l1.t),
        k3(41, s1.t, s1l1.t, s0.t),
        k3(42, s1.t, s0.t, s0r1.t),
        k3(43, s0.w, b0.t, b1.t),
        k3(44, s0.t, b0.w, b1.t),
        // Distance.
        k2(45, s0.w, d),
        k2(46, s0.t, d),
        k2(47, b0.w, d),
        k2(48, b0.t, d),
        k3(49, s0.w, b0.w, d),
        k3(50, s0.t, b0.t, d),
        k3(51, s1.t, s0.t, d1),
        k3(52, s1.w, s0.w, d1),
        // Valency.
        k2(53, s0.w, val(s0i, 1)),
        k2(54, s0.t, val(s0i, 1)),
        k2(55, s0.w, val(s0i, 0)),
        k2(56, s0.t, val(s0i, 0)),
        k2(57, b0.w, val(b0i, 0)),
        k2(58, b0.t, val(b0i, 0)),
        k2(59, s1.w, val(s1i, 1)),
        k2(60, s1.t, val(s1i, 1)),
        k2(61, s1.t, val(s1i, 0)),
        // Dependents.
        k1(62, s0l1.w),
        k1(63, s0l1.t),
        k1(64, s0l1.l),
        k1(65, s0r1.w),
        k1(66, s0r1.t),
        k1(67, s0r1.l),
        k1(68, b0l1.w),
        k1(69, b0l1.t),
        k1(70, b0l1.l),
        k1(71, s1l1.t),
        k1(72, s1l1.l),
        k1(73, s1r1.w),
        k1(74, s1r1.t),
        k1(75, s1r1.l),
        k1(76, s0l2.w),
        k1(77, s0l2.t),
        k1(78, s0l2.l),
        k1(79, s0r2.w),
        k1(80, s0r2.t),
        k1(81, s0r2.l),
        k1(82, b0l2.w),
        k1(83, b0l2.t),
        k1(84, b0l2.l),
        k3(85, s0.t, s0l1.t, s0l2.t),
        k3(86, s0.t, s0r1.t, s0r2.t),
        k3(87, b0.t, b0l1.t, b0l2.t),
        k3(88, s1.t, s1r1.t, s1r2.t),
        // Label sets.
        k2(89, s0.w, set(s0i, 1)),
        k2(90, s0.t, set(s0i, 1)),
        k2(91, s0.w, set(s0i, 0)),
        k2(92, s0.t, set(s0i, 0)),
        k2(93, b0.w, set(b0i, 0)),
        k2(94, b0.t, set(b0i, 0)),
        k2(95, s1.t, set(s1i, 1)),
        k2(96, s1.t, set(s1i, 0)),
        // Separators between.
        k3(97, s0.t, b0.t, c),
        k3(98, s1.t, s0.t, c1),
        k2(99, s0.w, c),
        k2(100, b0.w, c),
    ]);
    debug_assert_eq!(out.len(), COUNT);
}
