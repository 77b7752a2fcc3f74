//! `statecraft serve`: the HTTP API and the web page, over the same store
//! and queries as the CLI.
//!
//! What bounds the server, so that no client can exhaust it:
//! - **Connections.** At most [`Config::max_connections`] at once; a
//!   connection that has not sent a whole request head within
//!   [`Config::header_timeout`] (idle, or sending one byte at a time) is
//!   closed. Request bodies must arrive within the request timeout.
//! - **Store connections.** Reads share a bounded pool
//!   ([`Config::readers`]); a read that cannot get a connection within the
//!   pool's wait is answered 503 with `Retry-After`. Writes have one
//!   connection of their own, so reads never delay them. Broken
//!   connections (a restarted PostgreSQL) are replaced on the next request.
//! - **CPU.** Coding runs on at most [`Config::coders`] threads for
//!   anonymous `/v1/code` requests, and on two lanes of one thread each
//!   for authorized writes: one for small stories, one for large ones, so
//!   a queue of large stories never delays a small one. Sentences are
//!   coded in pieces of bounded length; coding stops when its deadline
//!   passes or its client goes away.
//! - **Memory.** The answer cache is bounded in bytes, long timelines are
//!   paged, and bodies are capped.
//! - **Writes.** A write answered with an error was not stored: coding
//!   may be interrupted (408, nothing stored), but once it is done the
//!   commit finishes and the answer says what was stored.
//! - **Shutdown.** SIGTERM or Ctrl-C stops accepting, interrupts coding,
//!   and waits at most [`Config::drain`] for requests in flight.
//!
//! Every error is RFC 9457 problem+json, including those raised by the
//! limits, the timeout and the router. Writes need `Authorization: Bearer
//! TOKEN`; with no token configured, they are refused and reads still
//! work.

mod api;
mod assets;
mod cache;
mod net;
mod pool;
mod problem;

pub use api::ApiDoc;
pub use pool::PoolConfig;
pub use problem::Problem;

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use cache::{Answers, FactsCache, StateFacts};
use pool::{PoolError, StorePool};
use sha2::{Digest, Sha256};
use statecraft_app::StoryCoder;
use statecraft_coder::Interrupt;
use statecraft_store::{Location, Store, StoreError};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where to listen; 127.0.0.1 by default.
    pub listen: SocketAddr,
    /// The store.
    pub location: Location,
    /// The bearer token writes need; `None` refuses every write. At least
    /// [`MIN_TOKEN_CHARS`] characters.
    pub token: Option<String>,
    /// Largest request body, in bytes.
    pub body_limit: usize,
    /// Longest a request may take (coding included).
    pub timeout: Duration,
    /// The read connections: how many, how long a request waits for one,
    /// and how long an idle one is kept. Writes have one connection of
    /// their own.
    pub readers: PoolConfig,
    /// Threads that code anonymous `/v1/code` requests at once; 0 turns
    /// anonymous coding off (authorized writes code on lanes of their own).
    pub coders: usize,
    /// Longest a client may take to send a request head, and longest an
    /// idle connection is kept.
    pub header_timeout: Duration,
    /// Most connections open at once.
    pub max_connections: usize,
    /// Bytes the answer cache may hold.
    pub cache_bytes: usize,
    /// Longest shutdown waits for requests in flight.
    pub drain: Duration,
}

/// The shortest write token accepted: a short token is guessable.
pub const MIN_TOKEN_CHARS: usize = 16;

impl Config {
    /// Defaults: 127.0.0.1:8080, 5 MB bodies, 30 s per request, 8 read
    /// connections, coding on all cores but one, 10 s to send a request
    /// head, 4,096 connections, a 32 MB cache, 10 s to drain.
    pub fn new(location: Location) -> Config {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            location,
            token: None,
            body_limit: 5 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            readers: PoolConfig::default(),
            coders: cores.saturating_sub(1).max(1),
            header_timeout: Duration::from_secs(10),
            max_connections: 4096,
            cache_bytes: 32 << 20,
            drain: Duration::from_secs(10),
        }
    }
}

/// What can stop the server.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The store could not be opened.
    #[error("{0}")]
    Store(#[from] StoreError),
    /// The address could not be bound, or serving failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The configuration cannot work.
    #[error("{0}")]
    Config(String),
}

/// State shared by the handlers.
pub struct AppState {
    readers: StorePool,
    writer: StorePool,
    /// Commits: one at a time on SQLite, a few on PostgreSQL.
    write_slot: Arc<Semaphore>,
    /// Coding for writes of small stories.
    small_write_lane: Arc<Semaphore>,
    /// Coding for writes of large stories.
    large_write_lane: Arc<Semaphore>,
    /// Anonymous coding.
    code_slots: Arc<Semaphore>,
    /// Whether anonymous coding is on (`--coders` above 0).
    anonymous_coding: bool,
    /// How long a request waits for a slot before 503.
    wait: Duration,
    timeout: Duration,
    coder: Arc<StoryCoder>,
    /// SHA-256 of the token.
    token: Option<[u8; 32]>,
    answers: Mutex<Answers>,
    facts: Mutex<FactsCache>,
    /// Raised at shutdown: coding in progress stops.
    stopping: Arc<AtomicBool>,
}

/// Reads a state's facts through the server's cache: facts change only
/// when the store's generation does, and reading them is most of the cost
/// of a `ties` query.
pub(crate) struct Facts<'a> {
    app: &'a AppState,
    generation: i64,
}

impl Facts<'_> {
    pub fn of(&self, store: &mut Store, code: &str) -> Result<Arc<StateFacts>, Problem> {
        if let Some(f) = self
            .app
            .facts
            .lock()
            .ok()
            .and_then(|c| c.get(self.generation, code))
        {
            return Ok(f);
        }
        let f = Arc::new(StateFacts {
            ties: store.tie_facts(code)?,
            embassies: store.embassy_facts(code)?,
        });
        if let Ok(mut c) = self.app.facts.lock() {
            c.put(self.generation, code, f.clone());
        }
        Ok(f)
    }
}

/// Raises a flag when dropped: a handler's future is dropped when its
/// client goes away or its timeout fires, and the flag stops the coding
/// it started on a blocking thread.
struct RaiseOnDrop(Arc<AtomicBool>);

impl Drop for RaiseOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

impl AppState {
    /// Opens the store (creating and migrating it), its connection pools,
    /// and the coder. Call it outside any async runtime: the PostgreSQL
    /// client runs one of its own.
    pub fn open(config: &Config) -> Result<AppState, ServerError> {
        if let Some(t) = &config.token {
            if t.chars().count() < MIN_TOKEN_CHARS {
                return Err(ServerError::Config(format!(
                    "the write token is {} characters long; use at least {MIN_TOKEN_CHARS}",
                    t.chars().count()
                )));
            }
        }
        drop(Store::open(&config.location)?);
        // SQLite has one writer at a time; PostgreSQL commits several
        // stories at once, so a large one does not hold up a small one.
        let commits = match config.location {
            Location::Dir(_) => 1,
            Location::Postgres(_) => 4,
        };
        let readers = StorePool::new(&config.location, config.readers);
        let writer = StorePool::new(
            &config.location,
            PoolConfig {
                size: commits,
                ..config.readers
            },
        );
        let (coder, _) = StoryCoder::new(&[]);
        Ok(AppState {
            write_slot: Arc::new(Semaphore::new(commits)),
            small_write_lane: Arc::new(Semaphore::new(1)),
            large_write_lane: Arc::new(Semaphore::new(1)),
            code_slots: Arc::new(Semaphore::new(config.coders)),
            anonymous_coding: config.coders > 0,
            wait: config.readers.wait,
            timeout: config.timeout,
            readers,
            writer,
            coder: Arc::new(coder),
            token: config
                .token
                .as_deref()
                .filter(|t| !t.is_empty())
                .map(|t| Sha256::digest(t.as_bytes()).into()),
            answers: Mutex::new(Answers::new(config.cache_bytes)),
            facts: Mutex::new(FactsCache::default()),
            stopping: Arc::new(AtomicBool::new(false)),
        })
    }

    /// A slot of `slots`, waiting up to `wait`; 503 after.
    async fn slot(
        &self,
        slots: &Arc<Semaphore>,
        what: &str,
        wait: Duration,
    ) -> Result<OwnedSemaphorePermit, Problem> {
        match tokio::time::timeout(wait, slots.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            _ => Err(Problem::busy(format!(
                "every {what} slot is in use; try again shortly"
            ))),
        }
    }

    /// The JSON answer for `key`, from the cache if the store has not
    /// changed since it was computed, else from `f` (on a read connection).
    async fn cached<T: serde::Serialize>(
        self: &Arc<Self>,
        key: String,
        f: impl FnOnce(&mut Store, Facts) -> Result<T, Problem> + Send + 'static,
    ) -> Result<Response, Problem> {
        let state = self.clone();
        let body = self
            .read(move |store| {
                let generation = store.generation()?;
                if let Some(b) = state
                    .answers
                    .lock()
                    .ok()
                    .and_then(|mut c| c.get(generation, &key))
                {
                    return Ok(b);
                }
                let facts = Facts {
                    app: &state,
                    generation,
                };
                let body = axum::body::Bytes::from(
                    serde_json::to_vec(&f(store, facts)?).map_err(|e| Problem::internal(&e))?,
                );
                if let Ok(mut c) = state.answers.lock() {
                    c.put(generation, key, body.clone());
                }
                Ok(body)
            })
            .await?;
        Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
    }

    /// Runs `f` on a pooled read connection, on a blocking thread. The
    /// wait for a connection is asynchronous: a flood of requests holds
    /// no threads.
    async fn read<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Store) -> Result<T, Problem> + Send + 'static,
    ) -> Result<T, Problem> {
        let mut pooled = self.readers.get().await?;
        tokio::task::spawn_blocking(move || f(pooled.store().map_err(Problem::from)?))
            .await
            .map_err(|e| Problem::internal(&e))?
    }

    /// Closes idle store connections; the server runs it every second.
    fn trim(&self) {
        self.readers.trim();
        self.writer.trim();
    }

    /// Store connections open now.
    pub fn store_connections(&self) -> usize {
        self.readers.size() + self.writer.size()
    }

    /// Codes a story for `/v1/code` on an anonymous coding slot, within
    /// the request timeout; stops if the client goes away.
    async fn code(
        self: &Arc<Self>,
        story: statecraft_text::Story,
    ) -> Result<statecraft_app::CodedStory, Problem> {
        if !self.anonymous_coding {
            return Err(Problem::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "coding-off",
                "Coding off",
                "anonymous coding is off on this server (--coders 0); writes still code",
            ));
        }
        let permit = self.slot(&self.code_slots, "coding", self.wait).await?;
        let (interrupt, _guard) = self.interrupt();
        let coder = self.coder.clone();
        let timeout = self.timeout;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            match coder.code_until(&story, &interrupt) {
                Ok(coded) => coded.map_err(|r| Problem::bad_request(r.message)),
                Err(_) => Err(Problem::coding_timeout(timeout)),
            }
        })
        .await
        .map_err(|e| Problem::internal(&e))?
    }

    /// Codes a story on its write lane, then stores it on the write slot.
    /// Coding may be interrupted (nothing is stored then); once it is done
    /// the commit finishes, whatever the time, and the answer says what
    /// is stored. Authorized writes queue for as long as a request may
    /// take.
    async fn write(
        self: &Arc<Self>,
        story: statecraft_text::Story,
    ) -> Result<
        (
            statecraft_store::Put,
            statecraft_store::StoryRecord,
            Vec<statecraft_types::EventRecord>,
        ),
        Problem,
    > {
        let lane = if story.text.len() <= SMALL_STORY {
            &self.small_write_lane
        } else {
            &self.large_write_lane
        };
        let coding = self.slot(lane, "write", self.timeout).await?;
        let (interrupt, guard) = self.interrupt();
        let coder = self.coder.clone();
        let timeout = self.timeout;
        let coded = tokio::task::spawn_blocking(move || {
            let _coding = coding;
            match coder.code_until(&story, &interrupt) {
                Ok(coded) => coded.map_err(|r| Problem::bad_request(r.message)),
                Err(_) => Err(Problem::coding_timeout(timeout)),
            }
        })
        .await
        .map_err(|e| Problem::internal(&e))??;
        let commit = self.slot(&self.write_slot, "write", self.timeout).await?;
        let mut pooled = self.writer.get().await?;
        // From here the write runs to the end even if the client goes.
        drop(guard);
        tokio::task::spawn_blocking(move || {
            let _commit = commit;
            let store = pooled.store().map_err(Problem::from)?;
            let stored = match statecraft_app::store_coded(store, &coded) {
                // The connection broke (a failover): the transaction did
                // not commit, or did and storing again finds it unchanged.
                Err(statecraft_app::AppError::Store(e)) if e.is_connection() => {
                    let store = pooled.reconnect().map_err(Problem::from)?;
                    statecraft_app::store_coded(store, &coded)
                }
                other => other,
            };
            stored.map_err(|e| match e {
                statecraft_app::AppError::Store(e) => Problem::from(e),
                statecraft_app::AppError::Refused(r) => Problem::bad_request(r.message),
            })
        })
        .await
        .map_err(|e| Problem::internal(&e))?
    }

    /// An interrupt for coding: the request's deadline, the server's
    /// shutdown, and a flag raised when the returned guard is dropped.
    fn interrupt(&self) -> (Interrupt, RaiseOnDrop) {
        let gone = Arc::new(AtomicBool::new(false));
        let stopping = self.stopping.clone();
        let interrupt = Interrupt::after(self.timeout)
            .with_flag(gone.clone())
            .with_flag(stopping);
        (interrupt, RaiseOnDrop(gone))
    }

    /// Whether a request's `Authorization` header carries the token
    /// (scheme `Bearer`, in any case). The comparison takes the same time
    /// whatever the given token's length or content.
    fn authorized(&self, headers: &axum::http::HeaderMap) -> Result<(), Problem> {
        let Some(token) = &self.token else {
            return Err(Problem::unauthorized(
                "this server has no write token (set STATECRAFT_TOKEN); writes are disabled",
            ));
        };
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map_or("", |(_, t)| t.trim());
        let given: [u8; 32] = Sha256::digest(given.as_bytes()).into();
        if bool::from(subtle::ConstantTimeEq::ct_eq(&given[..], &token[..])) {
            Ok(())
        } else {
            Err(Problem::unauthorized(
                "writes need `Authorization: Bearer TOKEN` with the server's token",
            ))
        }
    }

    /// The store's health: its schema version, or why it cannot answer.
    async fn health(self: &Arc<Self>) -> Result<i64, Problem> {
        self.read(|s| s.schema_version().map_err(Problem::from))
            .await
    }
}

impl From<PoolError> for Problem {
    fn from(e: PoolError) -> Problem {
        match e {
            PoolError::Busy => Problem::busy("every store connection is busy; try again shortly"),
            PoolError::Unavailable(cause) => Problem::unavailable(cause),
        }
    }
}

/// Stories of at most this many bytes of text are coded on the small
/// writes' lane.
const SMALL_STORY: usize = 64 * 1024;

/// URIs longer than this are refused with 414.
const MAX_URI: usize = 8 * 1024;
/// Request heads larger than this are refused with 431.
const MAX_HEADERS: usize = 32 * 1024;

/// The application: API, OpenAPI document, page and assets, with limits,
/// timeouts, security headers, request logs and problem+json for every
/// error.
pub fn router(state: Arc<AppState>, config: &Config) -> Router {
    use tower_http::set_header::SetResponseHeaderLayer;
    // Reads time out as a whole; writes and coding have deadlines of their
    // own inside (an answered timeout must never hide a stored write).
    let reads = api::reads().merge(assets::routes()).layer(
        tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            config.timeout,
        ),
    );
    reads
        .merge(api::writes())
        .with_state(state)
        .layer(tower_http::timeout::RequestBodyTimeoutLayer::new(
            config.timeout,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(config.body_limit))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            config.body_limit,
        ))
        .layer(middleware::from_fn(head_limits))
        // Outside the limits and the timeout, so their answers get bodies.
        .layer(middleware::from_fn(problems))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(
            tower_http::trace::TraceLayer::new_for_http()
                .make_span_with(
                    tower_http::trace::DefaultMakeSpan::new().level(tracing::Level::INFO),
                )
                .on_response(
                    tower_http::trace::DefaultOnResponse::new().level(tracing::Level::INFO),
                )
                // A 503 (busy, or the store away) is the server coping, not
                // failing: a warning. A 500 is still an error.
                .on_failure(tower_http::trace::DefaultOnFailure::new().level(tracing::Level::WARN)),
        )
}

/// 414 and 431 as problems, below the limits at which the HTTP parser
/// itself refuses a request without a body.
async fn head_limits(req: Request, next: Next) -> Response {
    if req.uri().to_string().len() > MAX_URI {
        return Problem::for_status(StatusCode::URI_TOO_LONG).into_response();
    }
    let head: usize = req
        .headers()
        .iter()
        .map(|(k, v)| k.as_str().len() + v.len() + 4)
        .sum();
    if head > MAX_HEADERS {
        return Problem::for_status(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE).into_response();
    }
    next.run(req).await
}

/// Gives every error response without a body of its own a problem+json
/// body: the router's 404 and 405, the limit's 413, the timeout's 408,
/// axum's plain-text rejections. JSON answers (`/healthz`'s 503) are left
/// as they are.
async fn problems(req: Request, next: Next) -> Response {
    let resp = next.run(req).await;
    let status = resp.status();
    let typed = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/"));
    if (status.is_client_error() || status.is_server_error()) && !typed {
        let status = if status == StatusCode::UNPROCESSABLE_ENTITY {
            StatusCode::BAD_REQUEST
        } else {
            status
        };
        return Problem::for_status(status).into_response();
    }
    resp
}

/// A running server: its address, and how to stop it.
pub struct Handle {
    /// The address it listens on.
    pub addr: SocketAddr,
    state: Arc<AppState>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Handle {
    /// Leaves the server running until the process ends, and gives its
    /// address.
    pub fn detach(mut self) -> SocketAddr {
        if let Some(stop) = self.stop.take() {
            // The server waits for this sender's message; never sending it
            // (and never dropping it) leaves the server running.
            std::mem::forget(stop);
        }
        self.thread.take();
        self.addr
    }

    /// Store connections the server holds open now.
    pub fn store_connections(&self) -> usize {
        self.state.store_connections()
    }

    /// Stops the server as SIGTERM would, and waits for it.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Opens the store, binds `config.listen` and serves on a thread of its
/// own until the handle is stopped or dropped; give port 0 to get a free
/// one. For tests, benchmarks and embedding.
pub fn spawn(config: &Config) -> Result<Handle, ServerError> {
    let state = Arc::new(AppState::open(config)?);
    let listener = listen(config.listen)?;
    let addr = listener.local_addr()?;
    let runtime = runtime()?;
    let handle_state = state.clone();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let config = config.clone();
    let thread = std::thread::spawn(move || {
        runtime.block_on(async move {
            match tokio::net::TcpListener::from_std(listener) {
                Ok(l) => {
                    let signal = async {
                        let _ = stopped.await;
                    };
                    if let Err(e) = net::serve(l, state, &config, signal).await {
                        tracing::error!(error = %e, "server stopped");
                    }
                }
                Err(e) => tracing::error!(error = %e, "cannot listen"),
            }
        });
        runtime.shutdown_timeout(Duration::from_secs(1));
    });
    Ok(Handle {
        addr,
        state: handle_state,
        stop: Some(stop),
        thread: Some(thread),
    })
}

/// Opens the store, binds and serves until interrupted (Ctrl-C or
/// SIGTERM); then drains for at most [`Config::drain`].
pub fn serve(config: Config) -> Result<(), ServerError> {
    // The store opens outside the runtime: the PostgreSQL client starts a
    // runtime of its own, which cannot start inside another.
    let state = Arc::new(AppState::open(&config)?);
    let runtime = runtime()?;
    let result = runtime.block_on(async {
        let listener = tokio::net::TcpListener::from_std(listen(config.listen)?)?;
        tracing::info!(address = %listener.local_addr()?, "listening");
        net::serve(listener, state, &config, net::shutdown_signal()).await
    });
    // Blocking work still running after the drain is abandoned.
    runtime.shutdown_timeout(Duration::from_secs(1));
    result.map_err(ServerError::Io)
}

/// Binds `addr` with a listen backlog of 4,096: the usual 1,024 drops
/// connections in a burst, which clients then hold half-open.
fn listen(addr: SocketAddr) -> std::io::Result<std::net::TcpListener> {
    let socket = socket2::Socket::new(
        socket2::Domain::for_address(addr),
        socket2::Type::STREAM,
        Some(socket2::Protocol::TCP),
    )?;
    socket.set_reuse_address(true)?;
    socket.bind(&addr.into())?;
    socket.listen(4096)?;
    socket.set_nonblocking(true)?;
    Ok(socket.into())
}

/// The server's runtime: blocking threads (store queries, coding) are
/// few, since slots bound them, and do not linger.
fn runtime() -> Result<tokio::runtime::Runtime, ServerError> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(64)
        .thread_keep_alive(Duration::from_secs(5))
        .build()?)
}
