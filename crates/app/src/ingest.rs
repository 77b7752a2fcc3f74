//! Code stories and store them.

use crate::AppError;
use statecraft_coder::{dedup, Coder, Event, Interrupt, Interrupted, Note, Options};
use statecraft_dict::DictError;
use statecraft_store::{content_hash, sha256, EventRecord, Put, Store, StoryRecord};
use statecraft_text::Story;
use statecraft_world::States;
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
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
        StoryCoder::with_reading(extra, Options::statecraft(), "statecraft")
    }

    /// As [`StoryCoder::new`] with another reading: `options` are the
    /// reading's, and `reading` its name, which the fingerprint holds
    /// (except for the statecraft reading, whose fingerprints predate it).
    pub fn with_reading(
        extra: &[(&str, &[u8])],
        options: Options,
        reading: &str,
    ) -> (StoryCoder, Vec<DictError>) {
        let (dict, errors) = statecraft_dict::bundled_with(extra);
        // "with locations": events stored before they had places are re-coded.
        let mut all: Vec<u8> =
            format!("statecraft {} with locations\n", env!("CARGO_PKG_VERSION")).into_bytes();
        if reading != "statecraft" {
            all.extend_from_slice(format!("reading {reading}\n").as_bytes());
        }
        for (name, bytes) in statecraft_dict::BUNDLED_FILES.iter().chain(extra) {
            all.extend_from_slice(name.as_bytes());
            all.extend_from_slice(&sha256(bytes).into_bytes());
        }
        let coder = StoryCoder {
            coder: Coder::new(dict, options),
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
        let coded = self.coder.code_until(story, interrupt)?;
        Ok(Ok(self.stored_form(story, coded.events, coded.notes)))
    }

    /// The stored form of `story` coded into `events` (all of them, as
    /// the coder gives them): hypothetical and negated events dropped,
    /// repeats within the story merged.
    pub fn stored_form(
        &self,
        story: &Story,
        mut events: Vec<Event>,
        notes: Vec<Note>,
    ) -> CodedStory {
        let mut record = StoryRecord::with_hash(story, &self.fingerprint, content_hash(story));
        events.retain(Event::happened_or_intended);
        dedup::within_story(&mut events);
        let events: Vec<EventRecord> = events
            .iter()
            .map(|e| record_of(e, &record.hash, self.states))
            .collect();
        record.events = events.len() as i64;
        CodedStory {
            record,
            events,
            notes,
        }
    }

    /// The states that [`record_of`] resolves actors' countries with.
    pub fn states(&self) -> &'static States {
        self.states
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
        location: e.location.clone(),
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
        self.add_coded(store, story, None)
    }

    /// Adds `stories` in order, exactly as [`Ingest::add`] would one at a
    /// time, but codes them on `threads` threads first. A story is coded
    /// ahead unless the store holds it unchanged already; where a story
    /// earlier in `stories` changes that answer (a repeated identifier),
    /// the ahead coding is dropped or the story coded then, so what is
    /// stored is what one thread stores. Returns the outcome and the
    /// stories refused, by their index in `stories`.
    pub fn add_all(
        &mut self,
        store: &mut Store,
        stories: &[Story],
        threads: usize,
    ) -> Result<(Outcome, Vec<(usize, Refused)>), AppError> {
        let mut todo = Vec::with_capacity(stories.len());
        for (i, story) in stories.iter().enumerate() {
            if !self.is_unchanged(store, story)? {
                todo.push(i);
            }
        }
        let mut ahead = code_parallel(&self.coder, stories, &todo, threads);
        let mut out = Outcome::default();
        let mut refused = Vec::new();
        for (i, story) in stories.iter().enumerate() {
            match self.add_coded(store, story, ahead[i].take()) {
                Ok(o) => out.merge(o),
                Err(AppError::Refused(r)) => refused.push((i, r)),
                Err(e) => return Err(e),
            }
        }
        Ok((out, refused))
    }

    /// Whether the store holds `story` with the same text and dictionaries.
    fn is_unchanged(&self, store: &mut Store, story: &Story) -> Result<bool, AppError> {
        if story.check().is_err() {
            return Ok(false);
        }
        Ok(match store.stored(&story.id)? {
            Some((hash, coder)) => hash == content_hash(story) && coder == self.coder.fingerprint(),
            None => false,
        })
    }

    /// [`Ingest::add`], with the story's coding done already when `coded`
    /// is given.
    fn add_coded(
        &mut self,
        store: &mut Store,
        story: &Story,
        coded: Option<Result<CodedStory, Refused>>,
    ) -> Result<Outcome, AppError> {
        let mut out = Outcome::default();
        if self.pending_ids.contains(&story.id) {
            // The same identifier again: the later text wins, as it would
            // one batch later.
            out.merge(self.flush(store)?);
        }
        if self.is_unchanged(store, story)? {
            out.unchanged += 1;
            return Ok(out);
        }
        let coded = match coded {
            Some(coded) => coded?,
            None => self.coder.code(story)?,
        };
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

/// Codes `stories[i]` for each `i` of `todo` on `threads` threads; the
/// result of story `i` is at index `i` (`None` for stories not in `todo`).
fn code_parallel(
    coder: &StoryCoder,
    stories: &[Story],
    todo: &[usize],
    threads: usize,
) -> Vec<Option<Result<CodedStory, Refused>>> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let Some(&i) = todo.get(k) else {
                return done;
            };
            done.push((i, coder.code(&stories[i])));
        }
    };
    let mut out: Vec<Option<Result<CodedStory, Refused>>> = vec![None; stories.len()];
    let threads = threads.clamp(1, todo.len().max(1));
    let parts: Vec<_> = if threads == 1 {
        vec![work()]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        })
    };
    for (i, r) in parts.into_iter().flatten() {
        out[i] = Some(r);
    }
    out
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
