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

mod ingest;
mod queries;
mod record;
mod schema;
mod sql;
mod write;

pub use ingest::{Ingest, Outcome};
pub use queries::{EventFilter, Timeline};
pub use record::{content_hash, sha256, EventRecord, Spans, StoryRecord};
pub use schema::SCHEMA_VERSION;
pub use write::{ImportOutcome, Put};

use sql::Conn;
use statecraft_world::States;
use std::collections::HashMap;
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

    /// Opens (or creates) the SQLite store in `dir`.
    pub fn open_sqlite(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let conn = rusqlite::Connection::open(dir.join("statecraft.db"))?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // WAL: readers see the last committed state while a writer works.
        // NORMAL sync: a killed process loses nothing committed; a power
        // cut may lose the last commits but never corrupts the file.
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA cache_size = -1048576;
             PRAGMA temp_store = MEMORY;
             PRAGMA wal_autocheckpoint = 16384;",
        )?;
        Store::init(Conn::Lite(conn))
    }

    /// Connects to PostgreSQL at `url` and creates or migrates the schema.
    pub fn open_postgres(url: &str) -> Result<Store, StoreError> {
        let client = postgres::Client::connect(url, postgres::NoTls)?;
        let mut conn = Conn::Pg {
            client: Box::new(client),
            cache: HashMap::new(),
        };
        conn.batch("SET client_min_messages = WARNING")?;
        Store::init(conn)
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
