//! Persistence: stories, their events, reference imports and the facts the
//! world model reasons over, in embedded SQLite (default) or PostgreSQL.
//!
//! Both backends run the same SQL (see `sql.rs`) and the same versioned
//! schema (`schema.rs`). Every write is one transaction: a story and all
//! its events and facts are stored together or not at all, and an import
//! is all of a file or nothing.
//!
//! ```
//! use statecraft_store::Store;
//! let dir = std::env::temp_dir().join(format!("statecraft-doc-{}", std::process::id()));
//! let mut store = Store::open_sqlite(&dir).unwrap();
//! // The curated baseline is loaded when a store is created.
//! let d = statecraft_text::Date::parse("2025-02-11").unwrap();
//! let gaps = store.missing("KOR", d).unwrap();
//! assert_eq!(gaps.missing[0].partner, "SYR");
//! # std::fs::remove_dir_all(&dir).ok();
//! ```

pub mod failpoint;
mod queries;
mod record;
mod schema;
mod sql;
mod write;

pub use queries::{EventFilter, Page, Timeline};
pub use record::{content_hash, sha256, StoryRecord};
pub use schema::SCHEMA_VERSION;
pub use statecraft_types::{EventRecord, Spans};
pub use write::{ImportOutcome, Put};

use sql::Conn;
use statecraft_world::States;
use std::path::{Path, PathBuf};

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL failed.
    #[error("postgresql: {0}")]
    Postgres(#[from] postgres::Error),
    /// The data directory could not be made.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// The store was written by a newer statecraft.
    #[error("the store has schema version {found}; this build reads up to {supported}: upgrade statecraft")]
    TooNew {
        /// The store's version.
        found: i64,
        /// This build's.
        supported: i64,
    },
    /// A stored value makes no sense.
    #[error("corrupt store: {0}")]
    Corrupt(String),
    /// A state code no table knows.
    #[error("unknown state `{0}`")]
    UnknownState(String),
    /// Bad reference data; nothing from it was stored.
    #[error("{0}")]
    Import(#[from] statecraft_world::WorldError),
    /// A text value holds a NUL character, which neither backend stores.
    #[error("a value holds a NUL character; stories, identifiers and parameters must not")]
    Nul,
}

impl StoreError {
    /// Whether the error is about the input (a NUL, an unknown state)
    /// rather than the store: the caller should fix the request, and the
    /// store is fine.
    pub fn is_input(&self) -> bool {
        matches!(self, StoreError::Nul | StoreError::UnknownState(_))
    }

    /// Whether the store could not be reached or the connection broke (a
    /// server restart, a failover): trying again on a new connection may
    /// work.
    pub fn is_connection(&self) -> bool {
        match self {
            StoreError::Postgres(e) => {
                e.is_closed()
                    || e.as_db_error().is_some_and(|d| {
                        d.code().code().starts_with("08") || d.code().code().starts_with("57P")
                    })
                    || e.to_string().contains("connection")
            }
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => matches!(
                e.code,
                rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::NotADatabase
            ),
            _ => false,
        }
    }
}

/// Where a store lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// An SQLite store in this directory (`statecraft.db`).
    Dir(PathBuf),
    /// A PostgreSQL database URL.
    Postgres(String),
}

impl Location {
    /// `--database URL` if given, else `--data-dir DIR`, else
    /// `$STATECRAFT_DATA`, else the platform's data directory
    /// (`$XDG_DATA_HOME/statecraft`, `~/.local/share/statecraft`, or
    /// `~/Library/Application Support/statecraft` on macOS).
    pub fn choose(database: Option<&str>, data_dir: Option<&Path>) -> Location {
        if let Some(url) = database {
            return Location::Postgres(url.to_string());
        }
        if let Some(d) = data_dir {
            return Location::Dir(d.to_path_buf());
        }
        if let Some(d) = std::env::var_os("STATECRAFT_DATA").filter(|d| !d.is_empty()) {
            return Location::Dir(PathBuf::from(d));
        }
        Location::Dir(default_data_dir())
    }
}

fn default_data_dir() -> PathBuf {
    if let Some(x) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(x).join("statecraft");
    }
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("."), PathBuf::from);
    if cfg!(target_os = "macos") {
        home.join("Library/Application Support/statecraft")
    } else {
        home.join(".local/share/statecraft")
    }
}

/// Resolves a state given by any code or name in `states` to its CAMEO
/// code, as every query does with its state arguments.
pub fn state_code(states: &States, key: &str) -> Result<String, StoreError> {
    states
        .get(key)
        .map(|s| s.cameo.clone())
        .ok_or_else(|| StoreError::UnknownState(key.to_string()))
}

/// Page cache of a store opened for a batch (ingest, export), in KiB.
const SQLITE_CACHE_KIB: i64 = 1 << 20;
/// Page cache of a pooled connection (the server has many), in KiB.
const POOLED_SQLITE_CACHE_KIB: i64 = 4 << 10;

/// An SQLite connection to `dir/statecraft.db`, tuned for statecraft.
fn sqlite(dir: &Path, cache_kib: i64) -> Result<Conn, StoreError> {
    let conn = rusqlite::Connection::open(dir.join("statecraft.db"))?;
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    // WAL: readers see the last committed state while a writer works.
    // NORMAL sync: a killed process loses nothing committed; a power
    // cut may lose the last commits but never corrupts the file.
    conn.execute_batch(&format!(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = NORMAL;
         PRAGMA foreign_keys = ON;
         PRAGMA cache_size = -{cache_kib};
         PRAGMA temp_store = MEMORY;
         PRAGMA wal_autocheckpoint = 16384;"
    ))?;
    Ok(Conn::Lite(conn))
}

/// A PostgreSQL connection.
fn postgres(url: &str) -> Result<Conn, StoreError> {
    Conn::postgres(url)
}

/// Runs `f` again while SQLite reports the database busy or locked, with
/// a growing pause, for up to half a minute. Some steps of opening a new
/// store (switching to WAL, creating the schema) fail at once rather than
/// wait when another process holds the database.
fn busy_retry<T>(mut f: impl FnMut() -> Result<T, StoreError>) -> Result<T, StoreError> {
    let started = std::time::Instant::now();
    let mut pause = std::time::Duration::from_millis(5);
    loop {
        match f() {
            Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) && started.elapsed() < std::time::Duration::from_secs(30) =>
            {
                std::thread::sleep(pause);
                pause = (pause * 2).min(std::time::Duration::from_millis(250));
            }
            other => return other,
        }
    }
}

/// A store.
pub struct Store {
    conn: Conn,
    states: &'static States,
}

impl Store {
    /// Opens the store at `location`, creating and migrating it as needed.
    pub fn open(location: &Location) -> Result<Store, StoreError> {
        match location {
            Location::Dir(d) => Store::open_sqlite(d),
            Location::Postgres(url) => Store::open_postgres(url),
        }
    }

    /// Opens (or creates) the SQLite store in `dir`. Two processes that
    /// create the same store at once both succeed: while one holds the
    /// database to create it, the other waits and tries again.
    pub fn open_sqlite(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        busy_retry(|| Store::init(sqlite(dir, SQLITE_CACHE_KIB)?))
    }

    /// Connects to PostgreSQL at `url` and creates or migrates the schema.
    pub fn open_postgres(url: &str) -> Result<Store, StoreError> {
        Store::init(postgres(url)?)
    }

    /// Connects to a store that exists at this build's schema version,
    /// without creating or migrating anything: the connections of a
    /// server's pool, opened after [`Store::open`] has prepared the store.
    pub fn connect(location: &Location) -> Result<Store, StoreError> {
        let mut conn = match location {
            Location::Dir(d) => busy_retry(|| sqlite(d, POOLED_SQLITE_CACHE_KIB))?,
            Location::Postgres(url) => postgres(url)?,
        };
        let version = schema::version(&mut conn)?;
        if version != SCHEMA_VERSION {
            return Err(StoreError::Corrupt(format!(
                "the store is at schema version {version}, not {SCHEMA_VERSION}: open it once with this build to migrate it"
            )));
        }
        Ok(Store {
            conn,
            states: States::bundled(),
        })
    }

    /// Checks that the connection still answers.
    pub fn ping(&mut self) -> Result<(), StoreError> {
        self.conn.one_int("SELECT 1", sql::params![]).map(|_| ())
    }

    /// Whether the connection is known to be closed (PostgreSQL).
    pub fn is_closed(&self) -> bool {
        self.conn.is_closed()
    }

    fn init(mut conn: Conn) -> Result<Store, StoreError> {
        schema::migrate(&mut conn)?;
        let mut store = Store {
            conn,
            states: States::bundled(),
        };
        store.ensure_states()?;
        store.ensure_baseline()?;
        Ok(store)
    }

    /// The state table in use.
    pub fn states(&self) -> &'static States {
        self.states
    }

    /// The store's schema version.
    pub fn schema_version(&mut self) -> Result<i64, StoreError> {
        schema::version(&mut self.conn)
    }

    /// Resolves a state given by any code or name to its CAMEO code.
    pub fn state(&self, key: &str) -> Result<String, StoreError> {
        state_code(self.states, key)
    }

    /// Numbers of stories, events and facts.
    pub fn counts(&mut self) -> Result<(i64, i64, i64), StoreError> {
        let mut n = [0; 3];
        for (i, t) in ["stories", "events", "facts"].iter().enumerate() {
            n[i] = self
                .conn
                .one_int(&format!("SELECT COUNT(*) FROM {t}"), sql::params![])?
                .unwrap_or(0);
        }
        Ok((n[0], n[1], n[2]))
    }
}
