//! The server's caches, both good only while the store's generation (a
//! counter every write bumps, from any process) is the one they were
//! filled at.
//!
//! - [`Answers`]: serialised answers of `ties`, `timeline` and `network`,
//!   keyed by their resolved parameters, least recently used first out,
//!   bounded by bytes: a flood of distinct windows cannot grow it past its
//!   budget.
//! - [`FactsCache`]: each state's facts (reading them is most of the cost
//!   of `ties`); at most one entry per state, so it is bounded by the
//!   state table.

use axum::body::Bytes;
use lru::LruCache;
use statecraft_world::{EmbassyFact, TieFact};
use std::collections::HashMap;
use std::sync::Arc;

/// Serialised answers, bounded by total bytes.
pub(crate) struct Answers {
    generation: i64,
    entries: LruCache<String, Bytes>,
    bytes: usize,
    budget: usize,
}

impl Answers {
    /// An empty cache holding at most `budget` bytes of answers (keys
    /// included).
    pub fn new(budget: usize) -> Answers {
        Answers {
            generation: i64::MIN,
            entries: LruCache::unbounded(),
            bytes: 0,
            budget,
        }
    }

    /// The answer for `key` at `generation`, if cached.
    pub fn get(&mut self, generation: i64, key: &str) -> Option<Bytes> {
        if generation != self.generation {
            return None;
        }
        self.entries.get(key).cloned()
    }

    /// Keeps `body` for `key` at `generation`, evicting the least recently
    /// used answers to stay within the budget. An answer larger than an
    /// eighth of the budget is not kept.
    pub fn put(&mut self, generation: i64, key: String, body: Bytes) {
        if generation != self.generation {
            self.entries.clear();
            self.bytes = 0;
            self.generation = generation;
        }
        let size = key.len() + body.len();
        if size > self.budget / 8 {
            return;
        }
        if let Some(old) = self.entries.put(key.clone(), body) {
            self.bytes -= key.len() + old.len();
        }
        self.bytes += size;
        while self.bytes > self.budget {
            match self.entries.pop_lru() {
                Some((k, v)) => self.bytes -= k.len() + v.len(),
                None => break,
            }
        }
    }

    /// Bytes held.
    #[cfg(test)]
    pub fn bytes(&self) -> usize {
        self.bytes
    }
}

/// A state's facts, as the store holds them at one generation.
pub(crate) struct StateFacts {
    pub ties: Vec<TieFact>,
    pub embassies: Vec<EmbassyFact>,
}

/// Each state's facts at one generation.
#[derive(Default)]
pub(crate) struct FactsCache {
    generation: i64,
    by_state: HashMap<String, Arc<StateFacts>>,
}

impl FactsCache {
    pub fn get(&self, generation: i64, state: &str) -> Option<Arc<StateFacts>> {
        (self.generation == generation)
            .then(|| self.by_state.get(state).cloned())
            .flatten()
    }

    pub fn put(&mut self, generation: i64, state: &str, facts: Arc<StateFacts>) {
        if self.generation != generation {
            self.by_state.clear();
            self.generation = generation;
        }
        self.by_state.insert(state.to_string(), facts);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_stay_within_their_budget() {
        let mut c = Answers::new(80_000);
        for i in 0..4_000 {
            c.put(
                1,
                format!("timeline/KOR/SYR/{i}"),
                Bytes::from(vec![b'x'; 1_000]),
            );
            assert!(c.bytes() <= 80_000);
        }
        // The latest answers are kept, the oldest gone.
        assert!(c.get(1, "timeline/KOR/SYR/3999").is_some());
        assert!(c.get(1, "timeline/KOR/SYR/0").is_none());
        // Another generation sees nothing.
        assert!(c.get(2, "timeline/KOR/SYR/3999").is_none());
        // Too large to keep.
        c.put(1, "big".into(), Bytes::from(vec![b'x'; 20_000]));
        assert!(c.get(1, "big").is_none());
    }
}
