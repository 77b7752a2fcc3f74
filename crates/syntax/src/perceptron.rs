//! The averaged perceptron: sparse rows of class weights keyed by feature
//! hashes, trained with lazy averaging and frozen into a compact table.
//!
//! Training keeps, for each feature, only the classes it was ever updated
//! for (most features meet a handful of classes), with the running total
//! each weight needs for averaging. Freezing averages, drops the weights
//! too small to matter and lays the rest out as one open-addressing table
//! of keys over two flat arrays, so that scoring a feature is one probe and
//! a short run of adds.

use prefetch_index::prefetch_index;
use rustc_hash::FxHashMap;

/// A feature's averaged weights: its key, and `(class, weight)` pairs
/// sorted by class.
pub(crate) type Row = (u64, Vec<(u8, f32)>);

/// One class weight of a feature during training.
#[derive(Clone, Copy, Debug)]
struct Cell {
    class: u8,
    weight: f32,
    /// Sum of the weight over all steps up to `stamp`.
    total: f64,
    stamp: u32,
}

/// An averaged perceptron being trained.
#[derive(Debug)]
pub(crate) struct Trainer {
    classes: usize,
    rows: FxHashMap<u64, Vec<Cell>>,
    /// Instances seen: the clock of the lazy averages.
    now: u32,
}

impl Trainer {
    /// A trainer over `classes` classes (at most 256).
    pub(crate) fn new(classes: usize) -> Trainer {
        assert!(classes <= 256, "at most 256 classes");
        Trainer {
            classes,
            rows: FxHashMap::default(),
            now: 0,
        }
    }

    /// Adds the current weights of `features` to `scores` (one per class).
    pub(crate) fn score(&self, features: &[u64], scores: &mut [f32]) {
        debug_assert_eq!(scores.len(), self.classes);
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for c in row {
                    scores[usize::from(c.class)] += c.weight;
                }
            }
        }
    }

    /// Counts one instance (call once per prediction, whether or not it was
    /// right: the averages are over instances).
    pub(crate) fn tick(&mut self) {
        self.now += 1;
    }

    /// Moves the weights of `features` towards `truth` and away from `guess`.
    pub(crate) fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let now = self.now;
        for &f in features {
            let row = self.rows.entry(f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let class = class as u8;
                let cell = match row.iter_mut().position(|c| c.class == class) {
                    Some(i) => &mut row[i],
                    None => {
                        row.push(Cell {
                            class,
                            weight: 0.0,
                            total: 0.0,
                            stamp: now,
                        });
                        row.last_mut().expect("just pushed")
                    }
                };
                cell.total += f64::from(now - cell.stamp) * f64::from(cell.weight);
                cell.stamp = now;
                cell.weight += delta;
            }
        }
    }

    /// Averages the weights and keeps those whose magnitude is at least
    /// `min_weight`, in a table ordered by key (the same bytes for the same
    /// training, whatever the hash map's order).
    pub(crate) fn freeze(&self, min_weight: f32) -> Weights {
        Weights::from_rows(self.classes, &self.averaged(min_weight))
    }

    /// The averaged weights of at least `min_weight` in magnitude, in rows
    /// sorted by key, each sorted by class.
    pub(crate) fn averaged(&self, min_weight: f32) -> Vec<Row> {
        let now = f64::from(self.now.max(1));
        let mut keys: Vec<u64> = self.rows.keys().copied().collect();
        keys.sort_unstable();
        let mut rows: Vec<Row> = Vec::with_capacity(keys.len());
        for key in keys {
            let mut row: Vec<(u8, f32)> = self.rows[&key]
                .iter()
                .filter_map(|c| {
                    let total =
                        c.total + (f64::from(self.now) - f64::from(c.stamp)) * f64::from(c.weight);
                    let avg = (total / now) as f32;
                    (avg.abs() >= min_weight && avg != 0.0).then_some((c.class, avg))
                })
                .collect();
            if row.is_empty() {
                continue;
            }
            row.sort_unstable_by_key(|&(c, _)| c);
            rows.push((key, row));
        }
        rows
    }
}

/// A slot of the frozen table: a feature key, the length of its run of
/// entries, and the run itself when it is short (most are: a feature
/// updated once holds two weights), else where it starts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Slot {
    /// The key's high 48 bits, and the run's length in the low 16; 0 marks
    /// an empty slot.
    head: u64,
    /// Up to [`INLINE`] entries, or the index of the run's first entry.
    data: [u32; INLINE],
}

/// Runs this short live in their slot: one memory access scores them.
const INLINE: usize = 2;

/// The length field of a slot whose run is a dense row of weights, one for
/// every class. Features that weigh many classes (the tags of the words
/// in focus) are the most frequent, and adding a dense row is a few
/// vector instructions where scattering a sparse run is a dependent
/// read-modify-write per entry.
const DENSE: u64 = 0xffff;

/// Whether a run of `len` entries over `classes` classes is stored dense.
#[inline]
pub(crate) fn dense(len: usize, classes: usize) -> bool {
    len > INLINE && len * 6 >= classes
}

/// The bits of a feature key the table keeps. Two features that differ
/// only in the low 16 bits share weights: with a few million features out
/// of 2^48 values, that happens about once in a hundred models, and costs
/// nothing measurable when it does.
const KEY_BITS: u64 = !0xffff;

/// A feature hash as the table stores it: its high 48 bits, never 0.
#[inline]
pub(crate) fn table_key(feature: u64) -> u64 {
    match feature & KEY_BITS {
        0 => 1 << 16,
        k => k,
    }
}

/// Frozen averaged weights: an open-addressing table of feature keys, each
/// with a run of entries. An entry packs a class (low 8 bits) and a weight
/// quantised to a signed 24-bit integer (high bits), so scores are sums of
/// integers: exact, and the same on every machine.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Weights {
    pub(crate) classes: usize,
    /// Linear probing from [`home`], at most two-thirds full (a builder
    /// sizes it for the features it will hold).
    slots: Vec<Slot>,
    /// The sparse runs too long for their slot.
    entries: Vec<u32>,
    /// The dense rows, `classes` weights each.
    rows: Vec<i32>,
    /// What one unit of a quantised weight is worth.
    pub(crate) scale: f32,
}

/// The home slot of a table key in a table of `size` slots: the key's 48
/// bits scaled to the size (a multiply and a shift, so the size need not
/// be a power of two and the table can be two-thirds full).
#[inline]
fn home(key: u64, size: usize) -> usize {
    (((key >> 16) as u128 * size as u128) >> 48) as usize
}

/// Fills a table of a known number of features, one at a time, so that
/// reading a model allocates nothing but the table.
pub(crate) struct Builder {
    w: Weights,
}

impl Builder {
    /// A builder for `features` features, whose runs have these lengths
    /// (an estimate is fine: the lengths only size the allocations).
    pub(crate) fn new(
        classes: usize,
        scale: f32,
        features: usize,
        lengths: impl Iterator<Item = usize>,
    ) -> Builder {
        let size = (features + features / 2).max(16);
        let (mut sparse, mut rows) = (0, 0);
        for len in lengths {
            if dense(len, classes) {
                rows += classes;
            } else if len > INLINE {
                sparse += len;
            }
        }
        Builder {
            w: Weights {
                classes,
                slots: vec![Slot::default(); size],
                entries: Vec::with_capacity(sparse),
                rows: Vec::with_capacity(rows),
                scale,
            },
        }
    }

    /// Adds a feature: a table key ([`table_key`]) not added before, and a
    /// run of at most `classes` entries.
    pub(crate) fn push(&mut self, key: u64, run: &[u32]) {
        let w = &mut self.w;
        debug_assert_eq!(table_key(key), key);
        debug_assert!(!run.is_empty() && run.len() <= w.classes);
        let mut data = [0; INLINE];
        let mut len = run.len() as u64;
        if run.len() <= INLINE {
            data[..run.len()].copy_from_slice(run);
        } else if dense(run.len(), w.classes) {
            data[0] = (w.rows.len() / w.classes.max(1)) as u32;
            let at = w.rows.len();
            w.rows.resize(at + w.classes, 0);
            for &e in run {
                if let Some(x) = w.rows.get_mut(at + entry_class(e)) {
                    *x = entry_weight(e);
                }
            }
            len = DENSE;
        } else {
            data[0] = w.entries.len() as u32;
            w.entries.extend_from_slice(run);
        }
        let size = w.slots.len();
        let mut i = home(key, size);
        while w.slots[i].head != 0 {
            i = if i + 1 == size { 0 } else { i + 1 };
        }
        w.slots[i] = Slot {
            head: key | len,
            data,
        };
    }

    /// The table.
    pub(crate) fn finish(self) -> Weights {
        self.w
    }
}

/// Largest quantised weight: sums of a few hundred stay far inside `i32`.
const MAX_Q: f32 = ((1 << 23) - 1) as f32;

/// Most features scored at once (more are scored in several rounds).
const BATCH: usize = 128;

/// The class of an entry.
#[inline]
pub(crate) fn entry_class(e: u32) -> usize {
    (e & 0xff) as usize
}

/// The quantised weight of an entry.
#[inline]
pub(crate) fn entry_weight(e: u32) -> i32 {
    (e as i32) >> 8
}

/// An entry of `class` with quantised weight `q` (in ±2^23).
#[inline]
pub(crate) fn entry(class: u8, q: i32) -> u32 {
    ((q << 8) as u32) | u32::from(class)
}

impl Weights {
    /// Builds the table from rows sorted by key, quantising the weights.
    /// Rows whose keys the table cannot tell apart (equal keys among them)
    /// are added together, in the order given.
    pub(crate) fn from_rows(classes: usize, rows: &[Row]) -> Weights {
        let mut merged: Vec<Row> = Vec::with_capacity(rows.len());
        for (k, row) in rows {
            let key = table_key(*k);
            match merged.last_mut() {
                Some((last, run)) if *last == key => {
                    for &(c, w) in row {
                        match run.iter_mut().find(|(rc, _)| *rc == c) {
                            Some(cell) => cell.1 += w,
                            None => run.push((c, w)),
                        }
                    }
                    run.sort_unstable_by_key(|&(c, _)| c);
                }
                _ => merged.push((key, row.clone())),
            }
        }
        let max = merged
            .iter()
            .flat_map(|(_, r)| r.iter().map(|(_, w)| w.abs()))
            .fold(0.0f32, f32::max);
        let scale = if max > 0.0 { max / MAX_Q } else { 1.0 };
        let quantised: Vec<(u64, Vec<u32>)> = merged
            .iter()
            .map(|(k, r)| {
                let run = r
                    .iter()
                    .map(|&(c, w)| entry(c, (w / scale).round().clamp(-MAX_Q, MAX_Q) as i32))
                    .filter(|&e| entry_weight(e) != 0)
                    .collect();
                (*k, run)
            })
            .filter(|(_, run): &(u64, Vec<u32>)| !run.is_empty())
            .collect();
        Weights::from_quantised(classes, scale, &quantised)
    }

    /// Builds the table from rows of entries with distinct table keys
    /// ([`table_key`]), each run non-empty and at most `classes` long.
    pub(crate) fn from_quantised<R: AsRef<[u32]>>(
        classes: usize,
        scale: f32,
        rows: &[(u64, R)],
    ) -> Weights {
        let lengths = rows.iter().map(|(_, r)| r.as_ref().len());
        let mut b = Builder::new(classes, scale, rows.len(), lengths);
        for (key, run) in rows {
            b.push(*key, run.as_ref());
        }
        b.finish()
    }

    /// The run of a slot.
    fn run(&self, slot: &Slot) -> Vec<u32> {
        let len = slot.head & 0xffff;
        if len == DENSE {
            let at = slot.data[0] as usize * self.classes;
            let row = &self.rows[at..at + self.classes];
            (0..self.classes)
                .filter(|&c| row[c] != 0)
                .map(|c| entry(c as u8, row[c]))
                .collect()
        } else if len as usize <= INLINE {
            slot.data[..len as usize].to_vec()
        } else {
            let start = slot.data[0] as usize;
            self.entries[start..start + len as usize].to_vec()
        }
    }

    /// The table without the weights smaller in magnitude than
    /// `min_weight` (in the units of the averaged weights).
    pub(crate) fn pruned(&self, min_weight: f32) -> Weights {
        let min = ((min_weight / self.scale).round() as i32).max(1);
        let rows: Vec<(u64, Vec<u32>)> = self
            .rows()
            .into_iter()
            .map(|(k, run)| {
                let kept = run.into_iter().filter(|&e| entry_weight(e).abs() >= min);
                (k, kept.collect::<Vec<u32>>())
            })
            .filter(|(_, run)| !run.is_empty())
            .collect();
        Weights::from_quantised(self.classes, self.scale, &rows)
    }

    /// Number of features kept.
    pub(crate) fn features(&self) -> usize {
        self.slots.iter().filter(|s| s.head != 0).count()
    }

    /// The rows in key order.
    pub(crate) fn rows(&self) -> Vec<(u64, Vec<u32>)> {
        let mut rows: Vec<(u64, Vec<u32>)> = self
            .slots
            .iter()
            .filter(|s| s.head != 0)
            .map(|s| (s.head & KEY_BITS, self.run(s)))
            .collect();
        rows.sort_unstable_by_key(|(k, _)| *k);
        rows
    }

    /// Adds the weights of `features` to `scores` (one per class).
    ///
    /// Memory, not arithmetic, bounds this: each feature is a probe into a
    /// table too big for the caches. So the probes go first, all of them,
    /// with no branch on what they load, letting the processor overlap the
    /// misses; then each is resolved (most runs are in their slot), and the
    /// long runs, touched as they are found, are summed last.
    #[inline]
    pub(crate) fn score(&self, features: &[u64], scores: &mut [i32]) {
        if self.slots.is_empty() {
            return;
        }
        let size = self.slots.len();
        let classes = self.classes.min(scores.len());
        let mut dense_at = [0u32; BATCH];
        for chunk in features.chunks(BATCH) {
            // Ask for every home slot before reading any: the reads that
            // follow then wait on one miss, not on a hundred in a row.
            let mut homes = [0usize; BATCH];
            for (f, h) in chunk.iter().zip(homes.iter_mut()) {
                *h = home(table_key(*f), size);
                prefetch_index(&self.slots, *h);
            }
            let mut long = [(0u32, 0u32); BATCH];
            let mut found = 0;
            let mut dense_found = 0;
            for (&f, &i) in chunk.iter().zip(homes.iter()) {
                let key = table_key(f);
                let mut i = i;
                let mut s = self.slots[i];
                while s.head & KEY_BITS != key && s.head != 0 {
                    i = if i + 1 == size { 0 } else { i + 1 };
                    s = self.slots[i];
                }
                if s.head == 0 {
                    continue;
                }
                let len = (s.head & 0xffff) as u32;
                if u64::from(len) == DENSE {
                    // Ask for every cache line of the row now, so that its
                    // misses overlap the others'.
                    let at = s.data[0] as usize * self.classes;
                    for line in (at..at + self.classes).step_by(16) {
                        prefetch_index(&self.rows, line);
                    }
                    prefetch_index(&self.rows, at + self.classes - 1);
                    dense_at[dense_found] = s.data[0];
                    dense_found += 1;
                } else if len as usize <= INLINE {
                    for &e in &s.data[..len as usize] {
                        add(scores, e);
                    }
                } else {
                    // Ask for the run now, so its miss overlaps the others.
                    let start = s.data[0] as usize;
                    prefetch_index(&self.entries, start);
                    prefetch_index(&self.entries, start + len as usize - 1);
                    long[found] = (s.data[0], len);
                    found += 1;
                }
            }
            for &(start, len) in &long[..found] {
                let (a, b) = (start as usize, (start + len) as usize);
                for &e in &self.entries[a..b] {
                    add(scores, e);
                }
            }
            for &row in &dense_at[..dense_found] {
                let at = row as usize * self.classes;
                let row = &self.rows[at..at + classes];
                for (s, w) in scores[..classes].iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }
}

/// Adds an entry's weight to its class's score.
#[inline]
fn add(scores: &mut [i32], e: u32) {
    if let Some(x) = scores.get_mut(entry_class(e)) {
        *x += entry_weight(e);
    }
}

/// The best class by score among those `allowed` says may be chosen; ties
/// go to the lower class, so the choice is the same on every machine.
pub(crate) fn best<T: PartialOrd + Copy>(
    scores: &[T],
    allowed: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<(usize, T)> = None;
    for (c, &s) in scores.iter().enumerate() {
        if allowed(c) && best.is_none_or(|(_, b)| s > b) {
            best = Some((c, s));
        }
    }
    best.map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A two-feature problem the perceptron must learn, then keep when frozen.
    #[test]
    fn learns_and_freezes() {
        let mut t = Trainer::new(3);
        // Feature keys are hashes: the table keeps their high 48 bits.
        let k = crate::hash::finish;
        let data = [
            (vec![k(10), k(1)], 0usize),
            (vec![k(20), k(1)], 1),
            (vec![k(30), k(1)], 2),
        ];
        for _ in 0..5 {
            for (f, y) in &data {
                let mut s = vec![0.0; 3];
                t.score(f, &mut s);
                let g = best(&s, |_| true).unwrap();
                t.tick();
                t.update(f, *y, g);
            }
        }
        let w = t.freeze(0.0);
        for (f, y) in &data {
            let mut s = vec![0; 3];
            w.score(f, &mut s);
            assert_eq!(best(&s, |_| true), Some(*y), "{f:?}");
        }
        // The unknown feature scores nothing; a pruned table keeps less.
        let mut s = vec![0; 3];
        w.score(&[k(99)], &mut s);
        assert_eq!(s, vec![0; 3]);
        assert!(t.freeze(100.0).features() < w.features());
    }

    /// Every layout of a run (in its slot, sparse, dense) scores as the
    /// plain sum of its entries, and reads back as the rows it was built
    /// from; pruning drops exactly the small weights.
    #[test]
    fn layouts_score_as_sums() {
        let classes = 100;
        let mut rows: Vec<(u64, Vec<u32>)> = [1usize, 2, 3, 7, 16, 17, 40, 100]
            .iter()
            .enumerate()
            .map(|(i, &len)| {
                let run = (0..len)
                    .map(|c| entry((c * 7 % classes) as u8, (i as i32 + 1) * (c as i32 - 3)))
                    .filter(|&e| entry_weight(e) != 0)
                    .collect::<Vec<u32>>();
                (table_key(crate::hash::finish(i as u64)), run)
            })
            .collect();
        rows.retain(|(_, r)| !r.is_empty());
        for (_, r) in &mut rows {
            r.sort_unstable_by_key(|&e| entry_class(e));
        }
        rows.sort_unstable_by_key(|(k, _)| *k);
        let w = Weights::from_quantised(classes, 1.0, &rows);
        assert!(w.rows.len() >= classes, "a dense row");
        assert!(!w.entries.is_empty(), "a sparse run");
        let mut want = vec![0i32; classes];
        let mut feats = Vec::new();
        for (k, run) in &rows {
            feats.push(*k);
            for &e in run {
                want[entry_class(e)] += entry_weight(e);
            }
        }
        feats.push(crate::hash::finish(12345)); // unknown: adds nothing
        let mut got = vec![0i32; classes];
        w.score(&feats, &mut got);
        assert_eq!(got, want);
        let back: Vec<(u64, Vec<u32>)> = w.rows();
        assert_eq!(back, rows);
        let small = w.pruned(20.0);
        let kept: usize = small.rows().iter().map(|(_, r)| r.len()).sum();
        let big: usize = rows
            .iter()
            .flat_map(|(_, r)| r)
            .filter(|&&e| entry_weight(e).abs() >= 20)
            .count();
        assert_eq!(kept, big);
    }

    #[test]
    fn best_respects_allowed_and_ties() {
        assert_eq!(best(&[1.0, 3.0, 3.0], |_| true), Some(1));
        assert_eq!(best(&[1.0, 3.0, 3.0], |c| c != 1), Some(2));
        assert_eq!(best(&[1.0], |_| false), None);
    }
}
