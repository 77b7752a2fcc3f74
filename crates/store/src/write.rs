//! Writes: stories with their events and derived facts, and imports.

use crate::record::{date_int, sha256};
use crate::sql::{params, Conn};
use crate::{EventRecord, Store, StoreError, StoryRecord};
use statecraft_world::rules::{self, Effect};
use statecraft_world::{Imported, Provenance, Start, When};
use std::time::{SystemTime, UNIX_EPOCH};

/// What storing a story did. A story is known by its identifier; its
/// content hash tells whether its text (or date) changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Put {
    /// A new identifier: stored with this many events.
    Stored(usize),
    /// A known identifier whose text changed, or that other dictionaries
    /// coded: the story and its events were replaced.
    Replaced(usize),
    /// A known identifier with the same text and coder: nothing to do.
    Unchanged,
}

/// What an import did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportOutcome {
    /// Stored this many facts.
    Stored(usize),
    /// The same file was imported before: nothing stored.
    AlreadyImported,
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl Store {
    /// The content hash and coder fingerprint of the story stored under
    /// `story_id`, if there is one.
    pub fn stored(&mut self, story_id: &str) -> Result<Option<(String, String)>, StoreError> {
        let mut out = None;
        self.conn.query(
            "SELECT hash, coder FROM stories WHERE story_id = $1",
            params![story_id],
            |r| {
                out = Some((r.text(0)?, r.text(1)?));
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// Stores a story and its events in one transaction. A story stored
    /// under the same identifier with the same text and coder is left
    /// alone; otherwise its text, events and facts are replaced.
    pub fn put_story(
        &mut self,
        story: &StoryRecord,
        events: &[EventRecord],
    ) -> Result<Put, StoreError> {
        Ok(self.put_all(std::iter::once((story, events)))?[0])
    }

    /// Stores stories in one transaction; each story is whole or absent.
    pub fn put_stories(
        &mut self,
        batch: &[(StoryRecord, Vec<EventRecord>)],
    ) -> Result<Vec<Put>, StoreError> {
        self.put_all(batch.iter().map(|(s, e)| (s, e.as_slice())))
    }

    fn put_all<'a>(
        &mut self,
        batch: impl Iterator<Item = (&'a StoryRecord, &'a [EventRecord])>,
    ) -> Result<Vec<Put>, StoreError> {
        let puts = self.conn.transaction(|c| {
            let puts: Vec<Put> = batch
                .map(|(story, events)| put_one(c, story, events))
                .collect::<Result<_, _>>()?;
            if puts.iter().any(|p| *p != Put::Unchanged) {
                bump_generation(c)?;
            }
            // Written but not committed: a crash here loses the batch.
            crate::failpoint::hit("store.put.before_commit");
            Ok(puts)
        })?;
        crate::failpoint::hit("store.put.committed");
        Ok(puts)
    }

    /// A number that grows with every write that changes what queries
    /// answer (stories, events, facts), from any process: answers cached
    /// at one generation are good while it lasts.
    pub fn generation(&mut self) -> Result<i64, StoreError> {
        let mut g = 0;
        self.conn.query(
            "SELECT value FROM meta WHERE key = 'generation'",
            params![],
            |r| {
                g = r.text(0)?.parse().unwrap_or(0);
                Ok(())
            },
        )?;
        Ok(g)
    }

    /// Stores an import's facts in one transaction, unless a file with the
    /// same content (`bytes`) was imported before.
    pub fn import(
        &mut self,
        format: &str,
        label: &str,
        bytes: &[u8],
        imported: &Imported,
    ) -> Result<ImportOutcome, StoreError> {
        let hash = sha256(bytes);
        self.conn
            .transaction(|c| import_facts(c, format, label, &hash, imported))
    }

    /// Records every state code of the bundled table in `states`.
    pub(crate) fn ensure_states(&mut self) -> Result<(), StoreError> {
        let codes: Vec<&str> = self.states.all().iter().map(|s| s.cameo.as_str()).collect();
        let stored = self
            .conn
            .one_int("SELECT COUNT(*) FROM states", params![])?;
        if stored == Some(codes.len() as i64) {
            return Ok(());
        }
        self.conn.transaction(|c| {
            for code in &codes {
                c.exec(
                    "INSERT INTO states (code) VALUES ($1) ON CONFLICT (code) DO NOTHING",
                    params![*code],
                )?;
            }
            bump_generation(c)
        })
    }

    /// Loads the bundled baseline unless this version of it is stored;
    /// an older version is replaced.
    pub(crate) fn ensure_baseline(&mut self) -> Result<(), StoreError> {
        let hash = sha256(statecraft_world::BASELINE_CSV.as_bytes());
        let present = self.conn.one_int(
            "SELECT COUNT(*) FROM imports WHERE format = 'baseline' AND hash = $1",
            params![&hash],
        )?;
        if present.unwrap_or(0) > 0 {
            return Ok(());
        }
        let baseline = statecraft_world::baseline();
        self.conn.transaction(|c| {
            c.exec("DELETE FROM imports WHERE format = 'baseline'", params![])?;
            import_facts(
                c,
                "baseline",
                statecraft_world::BASELINE_LABEL,
                &hash,
                &baseline,
            )
        })?;
        Ok(())
    }
}

fn bump_generation(c: &mut Conn) -> Result<(), StoreError> {
    let changed = c.exec(
        "UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT) WHERE key = 'generation'",
        params![],
    )?;
    if changed == 0 {
        c.exec(
            "INSERT INTO meta (key, value) VALUES ('generation', '1')",
            params![],
        )?;
    }
    Ok(())
}

fn import_facts(
    c: &mut Conn,
    format: &str,
    label: &str,
    hash: &str,
    imported: &Imported,
) -> Result<ImportOutcome, StoreError> {
    let n = imported.ties.len() + imported.embassies.len();
    let mut id = None;
    c.query(
        "INSERT INTO imports (format, label, hash, facts, imported_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (hash) DO NOTHING RETURNING id",
        params![format, label, hash, n as i64, now()],
        |r| {
            id = Some(r.int(0)?);
            Ok(())
        },
    )?;
    let Some(id) = id else {
        return Ok(ImportOutcome::AlreadyImported);
    };
    bump_generation(c)?;
    for f in &imported.ties {
        let (source, record) = reference(&f.provenance)?;
        let row = FactRow::reference("tie", &f.a, &f.b, f.status.as_str(), f.from, id);
        insert_fact(
            c,
            FactRow {
                start: f.start,
                to: f.to,
                ..row.with_source(source, record)
            },
        )?;
    }
    for f in &imported.embassies {
        let (source, record) = reference(&f.provenance)?;
        let status = if f.open { "open" } else { "closed" };
        let row = FactRow::reference("embassy", &f.sender, &f.host, status, f.from, id);
        insert_fact(c, row.with_source(source, record))?;
    }
    Ok(ImportOutcome::Stored(n))
}

fn put_one(c: &mut Conn, story: &StoryRecord, events: &[EventRecord]) -> Result<Put, StoreError> {
    // Two tries: PostgreSQL lets two writers in at once, and another may
    // store the same identifier between the SELECT and the INSERT; then
    // the second try sees its row and decides again.
    for _ in 0..2 {
        let mut existing = None;
        c.query(
            "SELECT id, hash, coder FROM stories WHERE story_id = $1",
            params![&story.story_id],
            |r| {
                existing = Some((r.int(0)?, r.text(1)?, r.text(2)?));
                Ok(())
            },
        )?;
        let replaced = match existing {
            Some((_, hash, coder)) if hash == story.hash && coder == story.coder => {
                return Ok(Put::Unchanged)
            }
            Some((id, _, _)) => {
                // Cascades to the story's events and facts.
                c.exec("DELETE FROM stories WHERE id = $1", params![id])?;
                true
            }
            None => false,
        };
        if let Some(id) = insert_story(c, story, events.len())? {
            for e in events {
                insert_event(c, id, e)?;
                derive_fact(c, id, e)?;
            }
            return Ok(if replaced {
                Put::Replaced(events.len())
            } else {
                Put::Stored(events.len())
            });
        }
    }
    Ok(Put::Unchanged)
}

/// Inserts the story row; `None` when another writer stored the same
/// identifier meanwhile.
fn insert_story(
    c: &mut Conn,
    story: &StoryRecord,
    events: usize,
) -> Result<Option<i64>, StoreError> {
    let mut id = None;
    c.query(
        "INSERT INTO stories (hash, story_id, date, title, text, origin, coder, events, ingested_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (story_id) DO NOTHING RETURNING id",
        params![
            &story.hash,
            &story.story_id,
            date_int(story.date),
            story.title.as_deref(),
            &story.text,
            &story.origin,
            &story.coder,
            events as i64,
            now(),
        ],
        |r| {
            id = Some(r.int(0)?);
            Ok(())
        },
    )?;
    Ok(id)
}

fn insert_event(c: &mut Conn, story: i64, e: &EventRecord) -> Result<(), StoreError> {
    c.exec(
        "INSERT INTO events (story, sentence, source, target, source_state, target_state,
             cameo, root, plover, goldstein, quad_class, date, date_end, precision,
             date_text, modality, text, spans, pattern, source_actor, target_actor, location)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
             $18, $19, $20, $21, $22)",
        params![
            story,
            e.sentence,
            e.source.as_str(),
            e.target.as_str(),
            e.source_state.as_deref(),
            e.target_state.as_deref(),
            &e.cameo,
            e.root.as_deref(),
            e.plover.as_deref(),
            e.goldstein,
            e.quad_class,
            date_int(e.date),
            date_int(e.date_end),
            e.date_precision.as_str(),
            e.date_text.as_deref(),
            e.modality.map(|m| m.as_str()),
            &e.text,
            json(&e.spans),
            e.pattern.as_deref(),
            e.source_actor.as_ref().map(json),
            e.target_actor.as_ref().map(json),
            e.location.as_ref().map(json),
        ],
    )?;
    Ok(())
}

/// A JSON column (spans, actor evidence). These types hold only strings
/// and numbers, so serialising them cannot fail.
fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

/// Applies the world model's event rules; see `statecraft_world::rules`.
fn derive_fact(c: &mut Conn, story: i64, e: &EventRecord) -> Result<(), StoreError> {
    let (Some(src), Some(tgt)) = (&e.source_state, &e.target_state) else {
        return Ok(());
    };
    if src == tgt {
        return Ok(());
    }
    let Some(effect) = rules::effect(e) else {
        return Ok(());
    };
    // An undated event's fact is dated by its story: a day.
    let precision = match e.date_precision {
        statecraft_world::Precision::Story => statecraft_world::Precision::Day,
        p => p,
    };
    let from = When {
        date: e.date,
        precision,
    };
    let (kind, a, b, status) = match effect {
        Effect::Tie(status) => {
            // Ties are stored with the lesser code first.
            let (a, b) = if src <= tgt { (src, tgt) } else { (tgt, src) };
            ("tie", a.clone(), b.clone(), status.as_str())
        }
        Effect::Embassy(open) => (
            "embassy",
            src.clone(),
            tgt.clone(),
            if open { "open" } else { "closed" },
        ),
    };
    insert_fact(
        c,
        FactRow {
            kind,
            a: &a,
            b: &b,
            status,
            from,
            start: Start::Since,
            to: None,
            source: &e.story_id,
            record: &e.story_hash,
            import: None,
            story: Some(story),
            sentence: Some(e.sentence),
            cameo: Some(&e.cameo),
            evidence: Some(&e.text),
        },
    )
}

fn reference(p: &Provenance) -> Result<(&str, &str), StoreError> {
    match p {
        Provenance::Reference { source, record } => Ok((source, record)),
        Provenance::Event { .. } => {
            Err(StoreError::Corrupt("an import holds an event fact".into()))
        }
    }
}

impl<'a> FactRow<'a> {
    /// A row of import `import`, observed on `from`, with no source yet.
    fn reference(
        kind: &'a str,
        a: &'a str,
        b: &'a str,
        status: &'a str,
        from: When,
        import: i64,
    ) -> FactRow<'a> {
        FactRow {
            kind,
            a,
            b,
            status,
            from,
            start: Start::AsOf,
            to: None,
            source: "",
            record: "",
            import: Some(import),
            story: None,
            sentence: None,
            cameo: None,
            evidence: None,
        }
    }

    fn with_source(self, source: &'a str, record: &'a str) -> FactRow<'a> {
        FactRow {
            source,
            record,
            ..self
        }
    }
}

struct FactRow<'a> {
    kind: &'a str,
    a: &'a str,
    b: &'a str,
    status: &'a str,
    from: When,
    start: Start,
    to: Option<When>,
    source: &'a str,
    record: &'a str,
    import: Option<i64>,
    story: Option<i64>,
    sentence: Option<i64>,
    cameo: Option<&'a str>,
    evidence: Option<&'a str>,
}

fn insert_fact(c: &mut Conn, f: FactRow) -> Result<(), StoreError> {
    c.exec(
        "INSERT INTO facts (kind, a, b, status, from_date, from_precision, start, to_date,
             to_precision, source, record, import, story, sentence, cameo, evidence)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
        params![
            f.kind,
            f.a,
            f.b,
            f.status,
            date_int(f.from.date),
            f.from.precision.as_str(),
            f.start.as_str(),
            f.to.map(|t| date_int(t.date)),
            f.to.map(|t| t.precision.as_str()),
            f.source,
            f.record,
            f.import,
            f.story,
            f.sentence,
            f.cameo,
            f.evidence,
        ],
    )?;
    Ok(())
}
