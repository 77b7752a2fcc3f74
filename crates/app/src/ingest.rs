//! Code stories and store them.

use crate::AppError;
use statecraft_coder::{dedup, Coder, Event, Interrupt, Interrupted, Note, Options};
use statecraft_dict::DictError;
use statecraft_store::{content_hash, sha256, EventRecord, Put, Store, StoryRecord};
use statecraft_text::Story;
use statecraft_world::States;
use std::collections::HashSet;
use std::time::{Duration, Instant};

/// What happened to a batch of stories.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Stories stored for the first time.
    pub stored: usize,
    /// Stories re-coded because their text or the dictionaries changed.
    pub replaced: usize,
    /// Stories already stored with the same text and dictionaries.
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

/// A story that cannot be stored, and why; the rest of a batch goes on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("story {}: {message}", statecraft_text::escape(story_id))]
pub struct Refused {
    /// The story's identifier.
    pub story_id: String,
    /// What is wrong with it.
    pub message: String,
}

/// A story coded for the store: its record, its events as stored, and
/// notes on what the coder could not read in full.
#[derive(Clone, Debug, PartialEq)]
pub struct CodedStory {
    /// The story's row.
    pub record: StoryRecord,
    /// Its events' rows.
    pub events: Vec<EventRecord>,
    /// What was cut or skipped.
    pub notes: Vec<Note>,
}

/// The coder with the fingerprint of its dictionaries. Immutable and
/// `Sync`: one serves every thread of a process.
pub struct StoryCoder {
    coder: Coder,
    fingerprint: String,
    states: &'static States,
}

impl StoryCoder {
    /// The bundled dictionaries plus `extra` dictionary files (name and
    /// bytes), with their dictionary errors.
    pub fn new(extra: &[(&str, &[u8])]) -> (StoryCoder, Vec<DictError>) {
        let (dict, errors) = statecraft_dict::bundled_with(extra);
        let mut all: Vec<u8> = format!("statecraft {}\n", env!("CARGO_PKG_VERSION")).into_bytes();
        for (name, bytes) in statecraft_dict::BUNDLED_FILES.iter().chain(extra) {
            all.extend_from_slice(name.as_bytes());
            all.extend_from_slice(&sha256(bytes).into_bytes());
        }
        let coder = StoryCoder {
            coder: Coder::new(dict, Options::statecraft()),
            fingerprint: sha256(&all),
            states: States::bundled(),
        };
        (coder, errors)
    }

    /// The fingerprint stored with each story: the program version and
    /// every dictionary file's hash.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The coder.
    pub fn coder(&self) -> &Coder {
        &self.coder
    }

    /// Codes a story as it would be stored: hypothetical and negated
    /// events dropped, repeats within the story merged.
    pub fn code(&self, story: &Story) -> Result<CodedStory, Refused> {
        match self.code_until(story, &Interrupt::none()) {
            Ok(coded) => coded,
            Err(i) => Err(Refused {
                story_id: story.id.clone(),
                message: i.to_string(),
            }),
        }
    }

    /// As [`StoryCoder::code`], giving up between sentences once
    /// `interrupt` fires.
    pub fn code_until(
        &self,
        story: &Story,
        interrupt: &Interrupt,
    ) -> Result<Result<CodedStory, Refused>, Interrupted> {
        if let Err(message) = story.check() {
            return Ok(Err(Refused {
                story_id: story.id.clone(),
                message,
            }));
        }
        let hash = content_hash(story);
        let coded = self.coder.code_until(story, interrupt)?;
        let mut record = StoryRecord::with_hash(story, &self.fingerprint, hash);
        let mut events = coded.events;
        events.retain(Event::happened_or_intended);
        dedup::within_story(&mut events);
        let events: Vec<EventRecord> = events
            .iter()
            .map(|e| record_of(e, &record.hash, self.states))
            .collect();
        record.events = events.len() as i64;
        Ok(Ok(CodedStory {
            record,
            events,
            notes: coded.notes,
        }))
    }
}

/// The stored form of a coded event of the story with content hash `hash`.
pub fn record_of(e: &Event, hash: &str, states: &States) -> EventRecord {
    EventRecord {
        id: 0,
        story_id: e.story_id.clone(),
        story_hash: hash.to_string(),
        story_date: e.story_date,
        sentence: e.sentence as i64,
        source: e.source.clone(),
        target: e.target.clone(),
        source_state: states.from_actor(&e.source).map(|s| s.cameo.clone()),
        target_state: states.from_actor(&e.target).map(|s| s.cameo.clone()),
        cameo: e.cameo.clone(),
        root: e.root.clone(),
        plover: e.plover.clone(),
        // The table's scores have one decimal; f32 → f64 must not add noise.
        goldstein: e.goldstein.map(|g| (f64::from(g) * 100.0).round() / 100.0),
        quad_class: e.quad_class.map(i64::from),
        date: e.date,
        date_end: e.date_end,
        date_precision: e.date_precision,
        date_text: e.date_text.clone(),
        modality: e.modality,
        text: e.text.clone(),
        spans: e.spans.clone(),
        pattern: e.pattern.clone(),
        source_actor: e.source_actor.clone(),
        target_actor: e.target_actor.clone(),
    }
}

/// When queued stories are written: each story is whole or absent either
/// way, but every commit rewrites the index pages it touched, so commits
/// are few and large.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BatchLimits {
    /// Write after this many events…
    pub events: usize,
    /// …or this many stories…
    pub stories: usize,
    /// …or this long after the batch's first story, whichever is first.
    pub age: Duration,
}

impl Default for BatchLimits {
    fn default() -> BatchLimits {
        BatchLimits {
            events: 100_000,
            stories: 10_000,
            age: Duration::from_secs(2),
        }
    }
}

/// Batches coded stories into transactions.
pub struct Ingest {
    coder: std::sync::Arc<StoryCoder>,
    limits: BatchLimits,
    pending: Vec<(StoryRecord, Vec<EventRecord>)>,
    /// The identifiers of `pending`, so a repeat in the batch is found at once.
    pending_ids: HashSet<String>,
    pending_events: usize,
    pending_since: Instant,
}

impl Ingest {
    /// Batches for `coder`, with the default batch limits.
    pub fn new(coder: std::sync::Arc<StoryCoder>) -> Ingest {
        Ingest {
            coder,
            limits: BatchLimits::default(),
            pending: Vec::new(),
            pending_ids: HashSet::new(),
            pending_events: 0,
            pending_since: Instant::now(),
        }
    }

    /// The same with other batch limits.
    pub fn with_limits(mut self, limits: BatchLimits) -> Ingest {
        self.limits = limits;
        self
    }

    /// The coder.
    pub fn coder(&self) -> &StoryCoder {
        &self.coder
    }

    /// Queues a story, coding it unless it is stored with the same text
    /// and dictionaries already; writes the queue when it is full. A
    /// story that cannot be stored is [`AppError::Refused`], and the
    /// batch goes on without it.
    pub fn add(&mut self, store: &mut Store, story: &Story) -> Result<Outcome, AppError> {
        let mut out = Outcome::default();
        if self.pending_ids.contains(&story.id) {
            // The same identifier again: the later text wins, as it would
            // one batch later.
            out.merge(self.flush(store)?);
        }
        let hash = content_hash(story);
        if story.check().is_ok() {
            if let Some((stored_hash, coder)) = store.stored(&story.id)? {
                if stored_hash == hash && coder == self.coder.fingerprint() {
                    out.unchanged += 1;
                    return Ok(out);
                }
            }
        }
        let coded = self.coder.code(story)?;
        if self.pending.is_empty() {
            self.pending_since = Instant::now();
        }
        self.pending_ids.insert(story.id.clone());
        self.pending_events += coded.events.len();
        self.pending.push((coded.record, coded.events));
        if self.pending.len() >= self.limits.stories
            || self.pending_events >= self.limits.events
            || self.pending_since.elapsed() >= self.limits.age
        {
            out.merge(self.flush(store)?);
        }
        Ok(out)
    }

    /// Writes queued stories.
    pub fn flush(&mut self, store: &mut Store) -> Result<Outcome, AppError> {
        let mut out = Outcome::default();
        if self.pending.is_empty() {
            return Ok(out);
        }
        let puts = store.put_stories(&self.pending)?;
        self.pending.clear();
        self.pending_ids.clear();
        self.pending_events = 0;
        for p in puts {
            out.add(p);
        }
        Ok(out)
    }
}

/// Stores one coded story now, and answers with what is stored (row ids
/// included).
pub fn store_coded(
    store: &mut Store,
    coded: &CodedStory,
) -> Result<(Put, StoryRecord, Vec<EventRecord>), AppError> {
    let put = store.put_story(&coded.record, &coded.events)?;
    match store.story(&coded.record.story_id)? {
        Some((stored, events)) => Ok((put, stored, events)),
        None => Err(AppError::Store(statecraft_store::StoreError::Corrupt(
            format!("story {} not found after storing it", coded.record.story_id),
        ))),
    }
}
