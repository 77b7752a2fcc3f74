//! Code stories and store them: the one path the CLI's `ingest` and the
//! server's `POST /v1/stories` share.

use crate::record::sha256;
use crate::{content_hash, EventRecord, Put, Store, StoreError, StoryRecord};
use statecraft_coder::{dedup, Coder, Options};
use statecraft_dict::DictError;
use statecraft_text::Story;

/// What happened to one story.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Stories stored for the first time.
    pub stored: usize,
    /// Stories re-coded because the dictionaries changed.
    pub replaced: usize,
    /// Stories already stored with the same dictionaries.
    pub unchanged: usize,
    /// Events written.
    pub events: usize,
}

impl Outcome {
    fn add(&mut self, put: Put) {
        match put {
            Put::Stored(n) => {
                self.stored += 1;
                self.events += n;
            }
            Put::Replaced(n) => {
                self.replaced += 1;
                self.events += n;
            }
            Put::Unchanged => self.unchanged += 1,
        }
    }

    /// Adds another outcome's counts.
    pub fn merge(&mut self, other: Outcome) {
        self.stored += other.stored;
        self.replaced += other.replaced;
        self.unchanged += other.unchanged;
        self.events += other.events;
    }
}

/// A coder with the fingerprint of its dictionaries, and a batch of coded
/// stories waiting to be written.
pub struct Ingest {
    coder: Coder,
    fingerprint: String,
    pending: Vec<(StoryRecord, Vec<EventRecord>)>,
    /// The hashes of `pending`, so a repeat in the batch is found at once.
    pending_hashes: std::collections::HashSet<String>,
    pending_events: usize,
    pending_since: std::time::Instant,
}

/// When queued stories are written: each story is whole or absent either
/// way, but every commit rewrites the index pages it touched, so commits
/// are few and large. A batch is written after this many events, this
/// many stories, or this long after its first story, whichever is first.
const BATCH_EVENTS: usize = 100_000;
const BATCH_STORIES: usize = 10_000;
const BATCH_AGE: std::time::Duration = std::time::Duration::from_secs(2);

impl Ingest {
    /// The bundled dictionaries plus `extra` dictionary files (name and
    /// bytes), with their dictionary errors.
    pub fn new(extra: &[(&str, &[u8])]) -> (Ingest, Vec<DictError>) {
        let (dict, errors) = statecraft_dict::bundled_with(extra);
        let mut all: Vec<u8> = format!("statecraft {}\n", env!("CARGO_PKG_VERSION")).into_bytes();
        for (name, bytes) in statecraft_dict::BUNDLED_FILES.iter().chain(extra) {
            all.extend_from_slice(name.as_bytes());
            all.extend_from_slice(&sha256(bytes).into_bytes());
        }
        let ingest = Ingest {
            coder: Coder::new(dict, Options::statecraft()),
            fingerprint: sha256(&all),
            pending: Vec::new(),
            pending_hashes: std::collections::HashSet::new(),
            pending_events: 0,
            pending_since: std::time::Instant::now(),
        };
        (ingest, errors)
    }

    /// The fingerprint stored with each story: the program version and
    /// every dictionary file's hash.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Codes a story as it would be stored: hypothetical and negated
    /// events dropped, repeats within the story merged.
    pub fn code(&mut self, story: &Story, store: &Store) -> (StoryRecord, Vec<EventRecord>) {
        self.code_hashed(story, store, content_hash(story))
    }

    fn code_hashed(
        &mut self,
        story: &Story,
        store: &Store,
        hash: String,
    ) -> (StoryRecord, Vec<EventRecord>) {
        let mut record = StoryRecord::with_hash(story, &self.fingerprint, hash);
        let mut events = self.coder.code(story).events;
        events.retain(|e| e.happened_or_intended());
        dedup::within_story(&mut events);
        let events: Vec<EventRecord> = events
            .iter()
            .map(|e| EventRecord::from_event(e, &record.hash, store.states()))
            .collect();
        record.events = events.len() as i64;
        (record, events)
    }

    /// Queues a story, coding it unless it is stored with these
    /// dictionaries already; writes the queue when it is full.
    pub fn add(&mut self, store: &mut Store, story: &Story) -> Result<Outcome, StoreError> {
        let hash = content_hash(story);
        let queued = self.pending_hashes.contains(&hash);
        if queued || store.coder_of(&hash)?.as_deref() == Some(&self.fingerprint) {
            return Ok(Outcome {
                unchanged: 1,
                ..Outcome::default()
            });
        }
        self.pending_hashes.insert(hash.clone());
        let (record, events) = self.code_hashed(story, store, hash);
        if self.pending.is_empty() {
            self.pending_since = std::time::Instant::now();
        }
        self.pending_events += events.len();
        self.pending.push((record, events));
        if self.pending.len() >= BATCH_STORIES
            || self.pending_events >= BATCH_EVENTS
            || self.pending_since.elapsed() >= BATCH_AGE
        {
            return self.flush(store);
        }
        Ok(Outcome::default())
    }

    /// Writes queued stories.
    pub fn flush(&mut self, store: &mut Store) -> Result<Outcome, StoreError> {
        let mut out = Outcome::default();
        if self.pending.is_empty() {
            return Ok(out);
        }
        let puts = store.put_stories(&self.pending)?;
        self.pending.clear();
        self.pending_hashes.clear();
        self.pending_events = 0;
        for p in puts {
            out.add(p);
        }
        Ok(out)
    }

    /// Codes and stores one story now.
    pub fn store_one(
        &mut self,
        store: &mut Store,
        story: &Story,
    ) -> Result<(Put, StoryRecord, Vec<EventRecord>), StoreError> {
        let (record, events) = self.code(story, store);
        let put = store.put_story(&record, &events)?;
        // Answer with what is stored (row ids; for a story stored before
        // under another id, that record), not with what was sent.
        match store.story(&record.hash)? {
            Some((stored, stored_events)) => Ok((put, stored, stored_events)),
            None => Err(StoreError::Corrupt(format!(
                "story {} not found after storing it",
                record.hash
            ))),
        }
    }
}
