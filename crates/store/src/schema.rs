//! The versioned schema. Migration N takes a store from version N-1 to N;
//! each runs in its own transaction with the version bump, so a store is
//! always at exactly one version. A store newer than this build is refused,
//! never downgraded.
//!
//! Dates are `YYYYMMDD` integers. `{id}` stands for each database's
//! auto-numbered primary key.
//!
//! Version 2 makes a story's identifier its key (the content hash only
//! detects a changed text) and keeps each event's verb pattern and the
//! evidence for inferred actors. A store of version 1 that holds two texts
//! under one identifier keeps both: the older ones are renamed
//! `ID~HASHPREFIX`. Version 3 adds each event's location.
//!
//! Events have one index for queries, `events_dyad` (source state, target
//! state, date, Goldstein), which covers a dyad's timeline and a state's
//! events as source. A state's events as target are found by seeking the
//! same index once per state in `states`: a second index would halve
//! ingest speed, because every index receives its inserts at one point
//! per dyad.

use crate::sql::{params, Conn};
use crate::StoreError;

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 3;

const MIGRATIONS: &[&str] = &[
    // 1: stories, their events, imports and facts.
    "
    CREATE TABLE stories (
        id {id},
        hash TEXT NOT NULL UNIQUE,
        story_id TEXT NOT NULL,
        date BIGINT NOT NULL,
        title TEXT,
        text TEXT NOT NULL,
        origin TEXT NOT NULL,
        coder TEXT NOT NULL,
        events BIGINT NOT NULL,
        ingested_at BIGINT NOT NULL
    );
    CREATE INDEX stories_story_id ON stories (story_id);
    CREATE TABLE events (
        id {id},
        story BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        sentence BIGINT NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        source_state TEXT,
        target_state TEXT,
        cameo TEXT NOT NULL,
        root TEXT,
        plover TEXT,
        goldstein DOUBLE PRECISION,
        quad_class BIGINT,
        date BIGINT NOT NULL,
        date_end BIGINT NOT NULL,
        precision TEXT NOT NULL,
        date_text TEXT,
        modality TEXT,
        text TEXT NOT NULL,
        spans TEXT NOT NULL
    );
    CREATE INDEX events_story ON events (story);
    CREATE INDEX events_dyad ON events (source_state, target_state, date, goldstein);
    CREATE TABLE states (code TEXT PRIMARY KEY);
    CREATE TABLE imports (
        id {id},
        format TEXT NOT NULL,
        label TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        facts BIGINT NOT NULL,
        imported_at BIGINT NOT NULL
    );
    CREATE TABLE facts (
        id {id},
        kind TEXT NOT NULL,
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        status TEXT NOT NULL,
        from_date BIGINT NOT NULL,
        from_precision TEXT NOT NULL,
        start TEXT NOT NULL,
        to_date BIGINT,
        to_precision TEXT,
        source TEXT NOT NULL,
        record TEXT NOT NULL,
        import BIGINT REFERENCES imports (id) ON DELETE CASCADE,
        story BIGINT REFERENCES stories (id) ON DELETE CASCADE,
        sentence BIGINT,
        cameo TEXT,
        evidence TEXT
    );
    CREATE INDEX facts_a ON facts (a);
    CREATE INDEX facts_b ON facts (b);
    CREATE INDEX facts_import ON facts (import);
    CREATE INDEX facts_story ON facts (story);
    ",
    // 2: the identifier is the key; events keep pattern and evidence. The
    // key change itself is `key_by_story_id`, which differs by backend.
    "
    UPDATE stories SET story_id = story_id || '~' || substr(hash, 1, 12)
        WHERE id NOT IN (SELECT MAX(id) FROM stories GROUP BY story_id);
    ALTER TABLE events ADD COLUMN pattern TEXT;
    ALTER TABLE events ADD COLUMN source_actor TEXT;
    ALTER TABLE events ADD COLUMN target_actor TEXT;
    ",
    // 3: where each event happened (JSON, null when unknown). Stories
    // stored before keep null until re-coded: the coder's fingerprint
    // changed with it, so ingest re-codes them.
    "
    ALTER TABLE events ADD COLUMN location TEXT;
    ",
];

/// Migration 2's change of key: `stories.story_id` unique, `stories.hash`
/// an index. PostgreSQL alters the constraints; SQLite, which cannot,
/// rebuilds the table (its events and facts point at rows by id, which
/// the copy keeps; foreign keys are off for the connection meanwhile, so
/// dropping the old table cascades nothing).
fn key_by_story_id(c: &mut Conn) -> Result<(), StoreError> {
    if c.is_pg() {
        return c.batch(
            "ALTER TABLE stories DROP CONSTRAINT stories_hash_key;
             DROP INDEX stories_story_id;
             ALTER TABLE stories ADD CONSTRAINT stories_story_id_key UNIQUE (story_id);
             CREATE INDEX stories_hash ON stories (hash);",
        );
    }
    c.batch(
        "CREATE TABLE stories_v2 (
            id INTEGER PRIMARY KEY,
            hash TEXT NOT NULL,
            story_id TEXT NOT NULL UNIQUE,
            date BIGINT NOT NULL,
            title TEXT,
            text TEXT NOT NULL,
            origin TEXT NOT NULL,
            coder TEXT NOT NULL,
            events BIGINT NOT NULL,
            ingested_at BIGINT NOT NULL
        );
        INSERT INTO stories_v2 (id, hash, story_id, date, title, text, origin, coder, events, ingested_at)
            SELECT id, hash, story_id, date, title, text, origin, coder, events, ingested_at FROM stories;
        DROP TABLE stories;
        ALTER TABLE stories_v2 RENAME TO stories;
        CREATE INDEX stories_hash ON stories (hash);",
    )
}

/// Brings the store to [`SCHEMA_VERSION`].
pub(crate) fn migrate(conn: &mut Conn) -> Result<(), StoreError> {
    // A store already at this version needs no write lock, so readers
    // opening it never queue behind a writer.
    if matches!(version(conn), Ok(SCHEMA_VERSION)) {
        return Ok(());
    }
    conn.batch("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")?;
    let id = if conn.is_pg() {
        "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    } else {
        "INTEGER PRIMARY KEY"
    };
    // SQLite's table rebuild needs foreign keys off, which cannot change
    // inside a transaction; they are checked before each commit instead.
    if !conn.is_pg() {
        conn.batch("PRAGMA foreign_keys = OFF")?;
    }
    let result = migrate_steps(conn, id);
    if !conn.is_pg() {
        conn.batch("PRAGMA foreign_keys = ON")?;
    }
    result
}

fn migrate_steps(conn: &mut Conn, id: &str) -> Result<(), StoreError> {
    loop {
        let done = conn.transaction(|c| {
            if c.is_pg() {
                // Two processes opening a new store: one migrates, one waits.
                c.batch("LOCK TABLE meta IN SHARE ROW EXCLUSIVE MODE")?;
            }
            let version = version(c)?;
            if version > SCHEMA_VERSION {
                return Err(StoreError::TooNew {
                    found: version,
                    supported: SCHEMA_VERSION,
                });
            }
            if version == SCHEMA_VERSION {
                return Ok(true);
            }
            c.batch(&MIGRATIONS[version as usize].replace("{id}", id))?;
            if version + 1 == 2 {
                key_by_story_id(c)?;
            }
            if !c.is_pg() {
                let mut broken = 0;
                c.query("PRAGMA foreign_key_check", params![], |_| {
                    broken += 1;
                    Ok(())
                })?;
                if broken > 0 {
                    return Err(StoreError::Corrupt(format!(
                        "{broken} rows point at missing rows after migration {}",
                        version + 1
                    )));
                }
            }
            c.exec("DELETE FROM meta WHERE key = 'schema_version'", params![])?;
            c.exec(
                "INSERT INTO meta (key, value) VALUES ('schema_version', $1)",
                params![(version + 1).to_string()],
            )?;
            Ok(false)
        })?;
        if done {
            return Ok(());
        }
    }
}

/// The store's schema version (0 when empty).
pub(crate) fn version(conn: &mut Conn) -> Result<i64, StoreError> {
    let mut v = None;
    conn.query(
        "SELECT value FROM meta WHERE key = 'schema_version'",
        params![],
        |r| {
            v = Some(r.text(0)?);
            Ok(())
        },
    )?;
    match v {
        None => Ok(0),
        Some(s) => s
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("schema version `{s}`"))),
    }
}
