//! The server's bounded pools of store connections (deadpool).
//!
//! - At most `size` connections exist; a request waits up to `wait` for
//!   one, asynchronously (no thread blocks while it waits), and is then
//!   answered 503 with `Retry-After`: a flood of requests queues briefly and
//!   is refused, instead of opening a connection each (which exhausted
//!   PostgreSQL's connection slots).
//! - A PostgreSQL connection that the server cut off (a restart, a
//!   failover) connects again by itself before its next statement; one
//!   known to be closed is dropped when it comes back to the pool. A
//!   transaction cut off fails, and the write path tries it again on a new
//!   connection, so the server recovers by itself.
//! - [`StorePool::trim`], run every second by the server, closes
//!   connections idle for longer than `idle`, down to none.

use deadpool::managed::{self, Metrics, RecycleError, RecycleResult, Timeouts};
use deadpool::Runtime;
use statecraft_store::{Location, Store, StoreError};
use std::time::Duration;

/// How a pool is sized.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolConfig {
    /// Most connections open at once.
    pub size: usize,
    /// Longest a request waits for a connection.
    pub wait: Duration,
    /// Connections idle this long are closed.
    pub idle: Duration,
}

impl Default for PoolConfig {
    fn default() -> PoolConfig {
        PoolConfig {
            size: 8,
            wait: Duration::from_secs(5),
            idle: Duration::from_secs(5),
        }
    }
}

/// Why no connection was handed out.
#[derive(Debug, thiserror::Error)]
pub(crate) enum PoolError {
    /// Every connection stayed in use for the whole wait.
    #[error("every store connection is busy")]
    Busy,
    /// No connection could be opened: the store is unreachable.
    #[error("the store cannot be reached: {0}")]
    Unavailable(String),
}

/// A store connection that is closed on a blocking thread. The
/// PostgreSQL client runs a runtime of its own, which cannot run on a
/// thread that drives async tasks: opening, and closing, must happen off
/// them. The pool drops connections in async code (when one fails its
/// check, when idle ones are trimmed, at shutdown).
pub(crate) struct Connection(Option<Store>);

impl std::ops::Deref for Connection {
    type Target = Store;
    fn deref(&self) -> &Store {
        self.0
            .as_ref()
            .expect("a connection holds its store until dropped")
    }
}

impl std::ops::DerefMut for Connection {
    fn deref_mut(&mut self) -> &mut Store {
        self.0
            .as_mut()
            .expect("a connection holds its store until dropped")
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        if let Some(store) = self.0.take() {
            match tokio::runtime::Handle::try_current() {
                // A thread of its own: the runtime's blocking pool may be
                // shutting down, and would drop the task here instead.
                Ok(_) => drop(std::thread::spawn(move || drop(store))),
                Err(_) => drop(store),
            }
        }
    }
}

/// Opens and checks connections, on blocking threads.
pub(crate) struct Manager {
    location: Location,
}

impl managed::Manager for Manager {
    type Type = Connection;
    type Error = StoreError;

    async fn create(&self) -> Result<Connection, StoreError> {
        let location = self.location.clone();
        match tokio::task::spawn_blocking(move || Store::connect(&location)).await {
            Ok(r) => r.map(|s| Connection(Some(s))),
            Err(e) => Err(StoreError::Corrupt(format!(
                "opening a connection failed: {e}"
            ))),
        }
    }

    async fn recycle(&self, store: &mut Connection, _: &Metrics) -> RecycleResult<StoreError> {
        // Checking a live connection takes a round trip, which must not
        // run here: [`StorePool::get`]'s caller checks connections that
        // idled, on its blocking thread.
        if store.is_closed() {
            return Err(RecycleError::message("the connection is closed"));
        }
        Ok(())
    }
}

/// A connection lent by a [`StorePool`]; it goes back when dropped.
pub(crate) struct Pooled {
    object: Option<managed::Object<Manager>>,
    /// The replacement for a connection that broke while in use.
    fresh: Option<Store>,
    location: Location,
}

impl Pooled {
    /// The store. (A PostgreSQL connection cut off between statements
    /// reconnects by itself; see `statecraft_store`.)
    pub fn store(&mut self) -> Result<&mut Store, StoreError> {
        match (&mut self.object, &mut self.fresh) {
            (Some(o), _) => Ok(o),
            (None, Some(f)) => Ok(f),
            (None, None) => Err(StoreError::Corrupt("a pooled connection was lost".into())),
        }
    }

    /// Drops the connection (it broke inside a transaction) and opens a
    /// new one for the rest of this use, on a blocking thread.
    pub fn reconnect(&mut self) -> Result<&mut Store, StoreError> {
        if let Some(o) = self.object.take() {
            drop(managed::Object::take(o));
        }
        self.fresh = Some(Store::connect(&self.location)?);
        self.store()
    }
}

/// A bounded pool of connections to one store.
#[derive(Clone)]
pub(crate) struct StorePool {
    inner: managed::Pool<Manager>,
    location: Location,
    idle: Duration,
}

impl StorePool {
    /// A pool over the store at `location`, which must already exist at
    /// this build's schema version. No connection opens until one is
    /// needed.
    pub fn new(location: &Location, config: PoolConfig) -> StorePool {
        let size = config.size.max(1);
        let inner = managed::Pool::builder(Manager {
            location: location.clone(),
        })
        .max_size(size)
        .timeouts(Timeouts {
            wait: Some(config.wait),
            create: Some(config.wait),
            recycle: Some(config.wait),
        })
        .runtime(Runtime::Tokio1)
        .build()
        .expect("a runtime and a size are set");
        StorePool {
            inner,
            location: location.clone(),
            idle: config.idle,
        }
    }

    /// A connection, waiting up to the pool's wait for one.
    pub async fn get(&self) -> Result<Pooled, PoolError> {
        let object = self.inner.get().await.map_err(|e| match e {
            managed::PoolError::Backend(e) => PoolError::Unavailable(e.to_string()),
            managed::PoolError::Timeout(managed::TimeoutType::Wait) => PoolError::Busy,
            other => PoolError::Unavailable(other.to_string()),
        })?;
        Ok(Pooled {
            object: Some(object),
            fresh: None,
            location: self.location.clone(),
        })
    }

    /// Closes connections idle for longer than the pool's idle time.
    pub fn trim(&self) {
        let idle = self.idle;
        self.inner.retain(|_, m| m.last_used() < idle);
    }

    /// Connections open now, in use or idle.
    pub fn size(&self) -> usize {
        self.inner.status().size
    }
}
