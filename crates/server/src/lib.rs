//! `statecraft serve`: the HTTP API and the web page, over the same store
//! and queries as the CLI.
//!
//! - Reads go to a small pool of store connections, each query on a
//!   blocking thread; writes (coding and storing a story) go through one
//!   coder behind a lock.
//! - Every error is RFC 9457 problem+json, including those raised by the
//!   body limit, the timeout and the router.
//! - Writes need `Authorization: Bearer TOKEN`; with no token configured,
//!   they are refused and reads still work.

mod api;
mod assets;
mod problem;

pub use api::ApiDoc;
pub use problem::Problem;

use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use statecraft_store::{Ingest, Location, Store, StoreError};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where to listen; 127.0.0.1 by default.
    pub listen: SocketAddr,
    /// The store.
    pub location: Location,
    /// The bearer token writes need; `None` refuses every write.
    pub token: Option<String>,
    /// Largest request body, in bytes.
    pub body_limit: usize,
    /// Longest a request may take.
    pub timeout: Duration,
}

impl Config {
    /// Defaults: 127.0.0.1:8080, 5 MB bodies, 30 s per request.
    pub fn new(location: Location) -> Config {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            location,
            token: None,
            body_limit: 5 * 1024 * 1024,
            timeout: Duration::from_secs(30),
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
}

/// State shared by the handlers.
pub struct AppState {
    location: Location,
    readers: Mutex<Vec<Store>>,
    writer: Mutex<Writer>,
    token: Option<String>,
    cache: Mutex<Cache>,
    facts: Mutex<(i64, HashMap<String, Arc<StateFacts>>)>,
}

/// A state's facts, as the store holds them at one generation.
pub(crate) struct StateFacts {
    pub ties: Vec<statecraft_world::TieFact>,
    pub embassies: Vec<statecraft_world::EmbassyFact>,
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
        if let Ok(c) = self.app.facts.lock() {
            if c.0 == self.generation {
                if let Some(f) = c.1.get(code) {
                    return Ok(f.clone());
                }
            }
        }
        let f = Arc::new(StateFacts {
            ties: store.tie_facts(code)?,
            embassies: store.embassy_facts(code)?,
        });
        if let Ok(mut c) = self.app.facts.lock() {
            if c.0 != self.generation {
                c.1.clear();
                c.0 = self.generation;
            }
            c.1.insert(code.to_string(), f.clone());
        }
        Ok(f)
    }
}

/// Serialised answers of the model queries, good while the store's
/// generation (bumped by every write, from any process) is unchanged.
#[derive(Default)]
struct Cache {
    generation: i64,
    answers: HashMap<String, axum::body::Bytes>,
}

/// Answers kept at most; the cache is emptied when it is full.
const CACHE_ENTRIES: usize = 4096;

struct Writer {
    store: Store,
    ingest: Ingest,
}

impl AppState {
    /// Opens the store (creating and migrating it) and loads the coder.
    pub fn open(config: &Config) -> Result<AppState, ServerError> {
        let store = Store::open(&config.location)?;
        let (ingest, _) = Ingest::new(&[]);
        Ok(AppState {
            location: config.location.clone(),
            readers: Mutex::new(Vec::new()),
            writer: Mutex::new(Writer { store, ingest }),
            token: config.token.clone().filter(|t| !t.is_empty()),
            cache: Mutex::new(Cache::default()),
            facts: Mutex::new((0, HashMap::new())),
        })
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
                if let Ok(c) = state.cache.lock() {
                    if c.generation == generation {
                        if let Some(b) = c.answers.get(&key) {
                            return Ok(b.clone());
                        }
                    }
                }
                let facts = Facts {
                    app: &state,
                    generation,
                };
                let body = axum::body::Bytes::from(
                    serde_json::to_vec(&f(store, facts)?).map_err(|e| Problem::internal(&e))?,
                );
                if let Ok(mut c) = state.cache.lock() {
                    if c.generation != generation || c.answers.len() >= CACHE_ENTRIES {
                        c.answers.clear();
                        c.generation = generation;
                    }
                    c.answers.insert(key, body.clone());
                }
                Ok(body)
            })
            .await?;
        Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
    }

    /// Runs `f` on a pooled read connection, on a blocking thread.
    async fn read<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Store) -> Result<T, Problem> + Send + 'static,
    ) -> Result<T, Problem> {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let pooled = state.readers.lock().ok().and_then(|mut p| p.pop());
            let mut store = match pooled {
                Some(s) => s,
                None => Store::open(&state.location).map_err(Problem::from)?,
            };
            let out = f(&mut store);
            if let Ok(mut p) = state.readers.lock() {
                p.push(store);
            }
            out
        })
        .await
        .map_err(|e| Problem::internal(&e))?
    }

    /// Runs `f` with the writer (store and coder), on a blocking thread.
    async fn write<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Store, &mut Ingest) -> Result<T, Problem> + Send + 'static,
    ) -> Result<T, Problem> {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut w = state
                .writer
                .lock()
                .map_err(|_| Problem::internal(&"the writer lock is poisoned"))?;
            let Writer { store, ingest } = &mut *w;
            f(store, ingest)
        })
        .await
        .map_err(|e| Problem::internal(&e))?
    }

    /// Whether a request's `Authorization` header carries the token.
    fn authorized(&self, headers: &axum::http::HeaderMap) -> Result<(), Problem> {
        let Some(token) = &self.token else {
            return Err(Problem::unauthorized(
                "this server has no write token (set STATECRAFT_TOKEN); writes are disabled",
            ));
        };
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if constant_time_eq(given.as_bytes(), token.as_bytes()) {
            Ok(())
        } else {
            Err(Problem::unauthorized(
                "writes need `Authorization: Bearer TOKEN` with the server's token",
            ))
        }
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The application: API, OpenAPI document, page and assets, with limits,
/// timeout, request logs and problem+json for every error.
pub fn router(state: Arc<AppState>, config: &Config) -> Router {
    api::routes()
        .merge(assets::routes())
        .with_state(state)
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            config.timeout,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(config.body_limit))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            config.body_limit,
        ))
        // Outside the limits and the timeout, so their answers get bodies.
        .layer(middleware::from_fn(problems))
        .layer(
            tower_http::trace::TraceLayer::new_for_http()
                .make_span_with(
                    tower_http::trace::DefaultMakeSpan::new().level(tracing::Level::INFO),
                )
                .on_response(
                    tower_http::trace::DefaultOnResponse::new().level(tracing::Level::INFO),
                ),
        )
}

/// Gives every error response without a body of its own a problem+json
/// body: the router's 404 and 405, the limit's 413, the timeout's 408.
async fn problems(req: Request, next: Next) -> Response {
    let resp = next.run(req).await;
    let status = resp.status();
    let typed = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/problem+json"));
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

/// Opens the store, binds `config.listen` and serves on a thread of its
/// own until the process ends; returns the bound address (give port 0 to
/// get a free one). For tests, benchmarks and embedding.
pub fn spawn(config: &Config) -> Result<SocketAddr, ServerError> {
    let state = Arc::new(AppState::open(config)?);
    let app = router(state, config);
    let listener = std::net::TcpListener::bind(config.listen)?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    std::thread::spawn(move || {
        runtime.block_on(async move {
            match tokio::net::TcpListener::from_std(listener) {
                Ok(l) => {
                    if let Err(e) = axum::serve(l, app).await {
                        tracing::error!(error = %e, "server stopped");
                    }
                }
                Err(e) => tracing::error!(error = %e, "cannot listen"),
            }
        })
    });
    Ok(addr)
}

/// Binds and serves until interrupted (Ctrl-C or SIGTERM).
pub async fn serve(config: Config) -> Result<(), ServerError> {
    let state = Arc::new(AppState::open(&config)?);
    let app = router(state, &config);
    let listener = tokio::net::TcpListener::bind(config.listen).await?;
    tracing::info!(address = %listener.local_addr()?, "listening");
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown())
        .await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
