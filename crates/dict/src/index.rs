//! The compiled matcher: every dictionary phrase indexed by its first
//! word, so that finding the entries that start at a token costs a few
//! hash look-ups whatever the dictionary size.

use crate::word::{base_forms, Mode};
use crate::{Dictionary, Phrase};

/// What kind of dictionary entry a phrase belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    /// An actor (index into [`Dictionary::actors`]).
    Actor,
    /// An agent.
    Agent,
    /// A verb, time or attribution phrase.
    Verb,
    /// A noun.
    Noun,
    /// An adjective.
    Adjective,
    /// A discard phrase.
    Discard,
    /// An issue phrase.
    Issue,
}

/// One indexed phrase.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Kind of entry.
    pub kind: EntryKind,
    /// Index into the matching dictionary list.
    pub item: u32,
    /// The phrase.
    pub phrase: Phrase,
}

type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Entries sharing a first word: those without a joined exact second
/// word, and the others by second word.
type PairBucket = (Vec<u32>, FxMap<Box<str>, Vec<u32>>);

/// Phrases indexed by first word.
#[derive(Clone, Debug, Default)]
pub struct PhraseIndex {
    entries: Vec<Entry>,
    exact: FxMap<Box<str>, Vec<u32>>,
    /// The same entries by first word, split by joined second word:
    /// `(entries without a joined exact second word, second word → entries)`.
    /// Common first words (THE, INTERNATIONAL) start hundreds of phrases;
    /// looking at the next token first keeps their cost flat.
    by_pair: FxMap<Box<str>, PairBucket>,
    stems: FxMap<Box<str>, Vec<u32>>,
    stem_lens: u64,
}

impl PhraseIndex {
    /// Indexes the phrases that classify words: actors, agents, verbs,
    /// nouns and adjectives. Discards and issues have their own indexes.
    pub fn build(dict: &Dictionary) -> PhraseIndex {
        let mut ix = PhraseIndex::default();
        for (i, a) in dict.actors.iter().enumerate() {
            for p in &a.phrases {
                ix.add(EntryKind::Actor, i, p);
            }
        }
        for (i, a) in dict.agents.iter().enumerate() {
            for p in &a.phrases {
                ix.add(EntryKind::Agent, i, p);
            }
        }
        for (i, v) in dict.verbs.iter().enumerate() {
            for p in &v.forms {
                ix.add(EntryKind::Verb, i, p);
            }
        }
        for (i, p) in dict.nouns.iter().enumerate() {
            ix.add(EntryKind::Noun, i, p);
        }
        for (i, p) in dict.adjectives.iter().enumerate() {
            ix.add(EntryKind::Adjective, i, p);
        }
        ix
    }

    /// Indexes only the discard phrases, which are looked for everywhere
    /// and so deserve their own small index.
    pub fn discards(dict: &Dictionary) -> PhraseIndex {
        let mut ix = PhraseIndex::default();
        for (i, d) in dict.discards.iter().enumerate() {
            ix.add(EntryKind::Discard, i, &d.phrase);
        }
        ix
    }

    /// Indexes only the issue phrases.
    pub fn issues(dict: &Dictionary) -> PhraseIndex {
        let mut ix = PhraseIndex::default();
        for (i, d) in dict.issues.iter().enumerate() {
            ix.add(EntryKind::Issue, i, &d.phrase);
        }
        ix
    }

    fn add(&mut self, kind: EntryKind, item: usize, phrase: &Phrase) {
        let Some(first) = phrase.words.first() else {
            return;
        };
        let id = self.entries.len() as u32;
        self.entries.push(Entry {
            kind,
            item: item as u32,
            phrase: phrase.clone(),
        });
        match first.mode {
            Mode::Stem => {
                let len = first.text.len();
                if len < 64 {
                    self.stem_lens |= 1 << len;
                }
                self.stems.entry(first.text.clone()).or_default().push(id);
            }
            Mode::Exact(_) => {
                self.exact.entry(first.text.clone()).or_default().push(id);
                let slot = self.by_pair.entry(first.text.clone()).or_default();
                match phrase.words.get(1) {
                    Some(second) if phrase.joined[0] && matches!(second.mode, Mode::Exact(_)) => {
                        slot.1.entry(second.text.clone()).or_default().push(id)
                    }
                    _ => slot.0.push(id),
                }
            }
        }
    }

    /// Number of indexed phrases.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with this id.
    pub fn entry(&self, id: u32) -> &Entry {
        &self.entries[id as usize]
    }

    /// Appends to `out` the ids of entries whose first word matches
    /// `token`. `scratch` is reused between calls to avoid allocation.
    pub fn first_word_matches(&self, token: &str, scratch: &mut Vec<String>, out: &mut Vec<u32>) {
        base_forms(token, scratch);
        for (k, form) in scratch.iter().enumerate() {
            if let Some(ids) = self.exact.get(form.as_str()) {
                // Each entry is filed under one key and the base forms are
                // distinct, so no id is seen twice here. The first form is
                // the token itself, which every word filed under it matches.
                for &id in ids {
                    if k == 0 || self.entries[id as usize].phrase.words[0].matches(token) {
                        out.push(id);
                    }
                }
            }
        }
        if self.stem_lens != 0 {
            for len in 1..=token.len().min(63) {
                if self.stem_lens & (1 << len) != 0 && token.is_char_boundary(len) {
                    if let Some(ids) = self.stems.get(&token[..len]) {
                        out.extend_from_slice(ids);
                    }
                }
            }
        }
    }

    /// Like [`PhraseIndex::first_word_matches`], but uses the next token to
    /// skip phrases whose joined second word cannot match: the entries
    /// returned are a superset of those that can match at this position.
    pub fn candidates(
        &self,
        token: &str,
        next: Option<&str>,
        scratch: &mut Vec<String>,
        scratch_next: &mut Vec<String>,
        out: &mut Vec<u32>,
    ) {
        base_forms(token, scratch);
        match next {
            Some(n) => base_forms(n, scratch_next),
            None => scratch_next.clear(),
        }
        for (k, form) in scratch.iter().enumerate() {
            let Some((rest, pairs)) = self.by_pair.get(form.as_str()) else {
                continue;
            };
            let first_ok =
                |id: u32| k == 0 || self.entries[id as usize].phrase.words[0].matches(token);
            out.extend(rest.iter().copied().filter(|&id| first_ok(id)));
            for g in scratch_next.iter() {
                if let Some(ids) = pairs.get(g.as_str()) {
                    out.extend(ids.iter().copied().filter(|&id| first_ok(id)));
                }
            }
        }
        if self.stem_lens != 0 {
            for len in 1..=token.len().min(63) {
                if self.stem_lens & (1 << len) != 0 && token.is_char_boundary(len) {
                    if let Some(ids) = self.stems.get(&token[..len]) {
                        out.extend_from_slice(ids);
                    }
                }
            }
        }
    }

    /// Matches `phrase` with its first word at `tokens[start]` (already
    /// known to match). Unjoined words may skip tokens, but never across a
    /// position where `barrier` is true. Returns the positions matched.
    pub fn match_phrase(
        phrase: &Phrase,
        tokens: &[&str],
        start: usize,
        barrier: &dyn Fn(usize) -> bool,
    ) -> Option<Vec<usize>> {
        let mut at = Vec::with_capacity(phrase.words.len());
        Self::match_phrase_into(phrase, tokens, start, barrier, &mut at).then_some(at)
    }

    /// [`PhraseIndex::match_phrase`] into a reused buffer; returns whether
    /// the phrase matched.
    pub fn match_phrase_into(
        phrase: &Phrase,
        tokens: &[&str],
        start: usize,
        barrier: &dyn Fn(usize) -> bool,
        at: &mut Vec<usize>,
    ) -> bool {
        at.clear();
        at.push(start);
        let mut pos = start;
        for (k, word) in phrase.words.iter().enumerate().skip(1) {
            if phrase.joined[k - 1] {
                pos += 1;
                if pos >= tokens.len() || barrier(pos) || !word.matches(tokens[pos]) {
                    return false;
                }
            } else {
                let mut p = pos + 1;
                loop {
                    if p >= tokens.len() || barrier(p) || p - pos - 1 > phrase.max_gap {
                        return false;
                    }
                    if word.matches(tokens[p]) {
                        break;
                    }
                    p += 1;
                }
                pos = p;
            }
            at.push(pos);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::{Dialect, EntryKind, Loader, PhraseIndex};

    #[test]
    fn finds_phrases_with_stems_endings_and_gaps() {
        let mut l = Loader::new();
        l.actors(
            "GROUP OF 77 [G77]\nESTONIA_ [EST]\nSYRI [SYR]\nITHILEN_GOVERNMENT_RADIO_ [ITHRAD]\nMOUSE= [MUS]\n",
            "a",
            Dialect::Tabari,
        );
        let (dict, errors) = l.finish();
        assert!(errors.is_empty(), "{errors:?}");
        let ix = dict.index();
        let text = "THE GROUP AND OF 77 ESTONIA'S SYRIAN ITHILEN GOVERNMENT RADIOS MOUSES MOUSE";
        let toks: Vec<&str> = text.split(' ').collect();
        let mut found = Vec::new();
        let mut scratch = Vec::new();
        for i in 0..toks.len() {
            let mut ids = Vec::new();
            ix.first_word_matches(toks[i], &mut scratch, &mut ids);
            for id in ids {
                let e = ix.entry(id);
                if let Some(at) = PhraseIndex::match_phrase(&e.phrase, &toks, i, &|_| false) {
                    assert_eq!(e.kind, EntryKind::Actor);
                    found.push((i, *at.last().unwrap(), e.phrase.display()));
                }
            }
        }
        assert_eq!(
            found,
            [
                (1, 4, "GROUP OF 77".to_string()),
                (5, 5, "ESTONIA".to_string()),
                (6, 6, "SYRI".to_string()),
                (7, 9, "ITHILEN_GOVERNMENT_RADIO".to_string()),
                (11, 11, "MOUSE".to_string()),
            ]
        );
    }
}
