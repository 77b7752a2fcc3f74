//! The `/v1` API and its OpenAPI document, generated from these handlers
//! and the types they return.

use crate::{AppState, Problem};
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use statecraft_coder::Note;
use statecraft_store::{EventFilter, EventRecord, Page, Put, StoryRecord, Timeline};
use statecraft_text::{Date, Layout, Story};
use statecraft_world::model::{self, Missing, Network, Tie};
use statecraft_world::{EmbassyFact, State as StateRow, States};
use std::collections::HashMap;
use std::sync::Arc;
use utoipa::OpenApi;

type Shared = State<Arc<AppState>>;
type Params = Query<HashMap<String, String>>;

/// The OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "statecraft",
        description = "Coded international-affairs events and a time-aware model of diplomatic ties."
    ),
    paths(healthz, states, ties, timeline, network, events, story, store_story, code),
    components(schemas(Problem, TiesAnswer, TiesResponse, StoryInput, Coded, CodingNote, Stored, EventPage, TimelinePage, StoryAnswer, Health)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The routes that only read; they time out as a whole.
pub(crate) fn reads() -> Router<Arc<AppState>> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/openapi.json", get(openapi))
        .route("/v1/states", get(states))
        .route("/v1/ties/{state}", get(ties))
        .route("/v1/timeline/{a}/{b}", get(timeline))
        .route("/v1/network/{state}", get(network))
        .route("/v1/events", get(events))
        .route("/v1/stories/{id}", get(story))
}

/// The routes that code (and store): they bound their own work, so that
/// a timeout never answers for a write that then succeeds.
pub(crate) fn writes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/v1/stories", post(store_story))
        .route("/v1/code", post(code))
}

async fn openapi() -> impl IntoResponse {
    Json(ApiDoc::openapi())
}

/// Health: 200 when the store answers, 503 (with why) when it does not.
#[utoipa::path(get, path = "/healthz", responses(
    (status = 200, body = Health),
    (status = 503, body = Health),
))]
async fn healthz(State(st): Shared) -> (StatusCode, Json<Health>) {
    match st.health().await {
        Ok(version) => (
            StatusCode::OK,
            Json(Health {
                status: "ok".into(),
                schema_version: Some(version),
                detail: None,
            }),
        ),
        Err(p) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(Health {
                status: "unavailable".into(),
                schema_version: None,
                detail: Some(p.detail),
            }),
        ),
    }
}

/// Whether the server's store answers.
#[derive(Serialize, utoipa::ToSchema)]
struct Health {
    /// `ok`, or `unavailable` when the store does not answer (or every
    /// connection is busy).
    status: String,
    /// The store's schema version, when it answers.
    schema_version: Option<i64>,
    /// Why it is unavailable.
    detail: Option<String>,
}

/// Every state the model knows, with codes, names and UN admission.
#[utoipa::path(get, path = "/v1/states", responses((status = 200, body = [StateRow])))]
async fn states() -> Json<&'static [StateRow]> {
    Json(States::bundled().all())
}

fn date_param(p: &HashMap<String, String>, name: &str) -> Result<Option<Date>, Problem> {
    match p.get(name).map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(v) => Date::parse_iso(v)
            .map(Some)
            .ok_or_else(|| Problem::bad_date(name, v)),
    }
}

fn bool_param(p: &HashMap<String, String>, name: &str) -> Result<bool, Problem> {
    match p.get(name).map(|s| s.trim()) {
        None | Some("") | Some("false") | Some("0") => Ok(false),
        Some("true") | Some("1") => Ok(true),
        Some(v) => Err(Problem::bad_request(format!(
            "`{name}` must be true or false, not `{v}`"
        ))),
    }
}

/// A state's ties on a date.
#[derive(Serialize, utoipa::ToSchema)]
struct TiesAnswer {
    /// The state's CAMEO code.
    state: String,
    /// The date.
    #[schema(value_type = String, format = Date)]
    as_of: Date,
    /// One entry per partner with any fact.
    ties: Vec<Tie>,
    /// Embassies open on the date that the state sends or hosts.
    embassies: Vec<EmbassyFact>,
}

/// What `/v1/ties/{state}` answers: the ties (`missing=false`), or the
/// missing ties (`missing=true`). For the OpenAPI document only.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum TiesResponse {
    Ties(TiesAnswer),
    Missing(Missing),
}

/// A state's partners on a date (`missing=false`), or the UN members it
/// lacks ties with, special cases apart (`missing=true`).
#[utoipa::path(
    get,
    path = "/v1/ties/{state}",
    params(
        ("state" = String, Path, description = "A code (KOR), COW code or name"),
        ("as_of" = Option<String>, Query, format = Date, description = "YYYY-MM-DD; default today"),
        ("missing" = Option<bool>, Query, description = "List the UN members without ties"),
    ),
    responses(
        (status = 200, description = "Ties, or with `missing=true` the missing ties", body = TiesResponse),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
async fn ties(
    State(st): Shared,
    Path(state): Path<String>,
    Query(p): Params,
) -> Result<axum::response::Response, Problem> {
    let date = date_param(&p, "as_of")?.unwrap_or_else(Date::today);
    let code = state_code(&state)?;
    if bool_param(&p, "missing")? {
        let key = format!("missing/{code}/{date}");
        return st
            .cached(key, move |s, facts| {
                let f = facts.of(s, &code)?;
                Ok(model::missing(States::bundled(), &code, date, &f.ties))
            })
            .await;
    }
    st.cached(format!("ties/{code}/{date}"), move |s, facts| {
        let f = facts.of(s, &code)?;
        Ok(TiesAnswer {
            ties: model::ties(States::bundled(), &code, date, &f.ties),
            embassies: model::embassies(&code, date, &f.embassies)
                .into_iter()
                .cloned()
                .collect(),
            state: code,
            as_of: date,
        })
    })
    .await
}

/// A window must not end before it starts.
fn ordered(from: Date, to: Date) -> Result<(), Problem> {
    if to < from {
        return Err(Problem::bad_request(format!(
            "`to` {to} is before `from` {from}"
        )));
    }
    Ok(())
}

/// The same day a year earlier (28 February for 29 February).
fn a_year_before(d: Date) -> Date {
    let (y, m, day) = d.ymd();
    Date::from_ymd(y - 1, m, day)
        .or_else(|| Date::from_ymd(y - 1, m, day - 1))
        .unwrap_or(d)
}

/// A state's CAMEO code from any code or name, resolved as the store
/// resolves it, before any store is touched.
fn state_code(key: &str) -> Result<String, Problem> {
    Ok(statecraft_store::state_code(States::bundled(), key)?)
}

/// Two states' events, in either direction, in order of event date.
#[utoipa::path(
    get,
    path = "/v1/timeline/{a}/{b}",
    params(
        ("a" = String, Path, description = "One state"),
        ("b" = String, Path, description = "The other"),
        ("from" = Option<String>, Query, format = Date, description = "First event date"),
        ("to" = Option<String>, Query, format = Date, description = "Last event date"),
        ("limit" = Option<i64>, Query, minimum = 1, maximum = 1000, description = "1 to 1000; default 500"),
        ("cursor" = Option<String>, Query, pattern = "^[0-9]+$", description = "From the previous page"),
    ),
    responses(
        (status = 200, body = TimelinePage),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
async fn timeline(
    State(st): Shared,
    Path((a, b)): Path<(String, String)>,
    Query(p): Params,
) -> Result<axum::response::Response, Problem> {
    let (from, to) = (date_param(&p, "from")?, date_param(&p, "to")?);
    if let (Some(f), Some(t)) = (from, to) {
        ordered(f, t)?;
    }
    let (a, b) = (state_code(&a)?, state_code(&b)?);
    let limit = limit_param(&p, 500)?;
    let offset = cursor_param(&p)?.unwrap_or(0);
    let key = format!("timeline/{a}/{b}/{from:?}/{to:?}/{limit}/{offset}");
    st.cached(key, move |s, _| {
        let page = Page {
            offset: offset as u64,
            limit: limit as u64,
        };
        let t = s.timeline_page(&a, &b, from, to, Some(page))?;
        Ok(TimelinePage {
            next_cursor: t.more.then(|| (offset + limit).to_string()),
            timeline: t,
        })
    })
    .await
}

/// A page of a dyad's timeline.
#[derive(Serialize, utoipa::ToSchema)]
struct TimelinePage {
    /// The dyad and this page's events.
    #[serde(flatten)]
    timeline: Timeline,
    /// Pass as `cursor` for the next page; absent on the last page.
    next_cursor: Option<String>,
}

/// `limit`: 1 to [`MAX_PAGE`], or `default`.
fn limit_param(p: &HashMap<String, String>, default: i64) -> Result<i64, Problem> {
    match p.get("limit").map(|s| s.trim()) {
        None | Some("") => Ok(default),
        Some(v) => v
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=MAX_PAGE).contains(n))
            .ok_or_else(|| {
                Problem::bad_request(format!("`limit` must be 1 to {MAX_PAGE}, not `{v}`"))
            }),
    }
}

/// `cursor`: a number this API gave.
fn cursor_param(p: &HashMap<String, String>) -> Result<Option<i64>, Problem> {
    match p.get("cursor").map(|s| s.trim()) {
        None | Some("") => Ok(None),
        Some(v) => Ok(Some(v.parse::<i64>().ok().filter(|n| *n >= 0).ok_or_else(
            || Problem::bad_request(format!("`cursor` `{v}` is not one this API gave")),
        )?)),
    }
}

/// Partners gained and lost, the UN share with ties, and the Goldstein
/// balance with each partner over a window (default: the year to today).
#[utoipa::path(
    get,
    path = "/v1/network/{state}",
    params(
        ("state" = String, Path, description = "The state"),
        ("from" = Option<String>, Query, format = Date, description = "Start; default a year before `to`"),
        ("to" = Option<String>, Query, format = Date, description = "End; default today"),
    ),
    responses(
        (status = 200, body = Network),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
async fn network(
    State(st): Shared,
    Path(state): Path<String>,
    Query(p): Params,
) -> Result<axum::response::Response, Problem> {
    let to = date_param(&p, "to")?.unwrap_or_else(Date::today);
    let from = date_param(&p, "from")?.unwrap_or_else(|| a_year_before(to));
    ordered(from, to)?;
    let code = state_code(&state)?;
    st.cached(format!("network/{code}/{from}/{to}"), move |s, facts| {
        let f = facts.of(s, &code)?;
        let sums = s.event_sums(&code, from, to)?;
        Ok(model::network(
            States::bundled(),
            &code,
            from,
            to,
            &f.ties,
            &sums,
        ))
    })
    .await
}

/// A page of events.
#[derive(Serialize, utoipa::ToSchema)]
struct EventPage {
    /// The events, in storage order.
    events: Vec<EventRecord>,
    /// Pass as `cursor` for the next page; absent on the last page.
    next_cursor: Option<String>,
}

const MAX_PAGE: i64 = 1000;

/// Stored events, filtered and paged.
#[utoipa::path(
    get,
    path = "/v1/events",
    params(
        ("source" = Option<String>, Query, description = "Source state"),
        ("target" = Option<String>, Query, description = "Target state"),
        ("cameo" = Option<String>, Query, description = "CAMEO code or prefix"),
        ("plover" = Option<String>, Query, description = "PLOVER category"),
        ("from" = Option<String>, Query, format = Date, description = "First event date"),
        ("to" = Option<String>, Query, format = Date, description = "Last event date"),
        ("limit" = Option<i64>, Query, minimum = 1, maximum = 1000, description = "1 to 1000; default 100"),
        ("cursor" = Option<String>, Query, pattern = "^[0-9]+$", description = "From the previous page"),
    ),
    responses(
        (status = 200, body = EventPage),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
async fn events(State(st): Shared, Query(p): Params) -> Result<Json<EventPage>, Problem> {
    let limit = limit_param(&p, 100)?;
    let after_id = cursor_param(&p)?;
    let text = |k: &str| {
        p.get(k)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let filter = EventFilter {
        source: text("source"),
        target: text("target"),
        cameo: text("cameo"),
        plover: text("plover"),
        from: date_param(&p, "from")?,
        to: date_param(&p, "to")?,
        after_id,
        limit: Some(limit + 1),
    };
    if let Some(c) = &filter.cameo {
        if !c.chars().all(|ch| ch.is_ascii_alphanumeric()) || c.len() > 4 {
            return Err(Problem::bad_request(format!(
                "`cameo` `{c}` is not a CAMEO code"
            )));
        }
    }
    let mut events = st
        .read(move |s| {
            let mut out = Vec::new();
            s.for_each_event(&filter, |e| {
                out.push(e);
                Ok::<(), statecraft_store::StoreError>(())
            })?;
            Ok(out)
        })
        .await?;
    let next_cursor = if events.len() as i64 > limit {
        events.truncate(limit as usize);
        events.last().map(|e| e.id.to_string())
    } else {
        None
    };
    Ok(Json(EventPage {
        events,
        next_cursor,
    }))
}

/// A stored story with its events.
#[derive(Serialize, utoipa::ToSchema)]
struct StoryAnswer {
    story: StoryRecord,
    events: Vec<EventRecord>,
}

/// A stored story, by its identifier or content hash, with its events and
/// their spans.
#[utoipa::path(
    get,
    path = "/v1/stories/{id}",
    params(("id" = String, Path, description = "Story identifier or content hash")),
    responses(
        (status = 200, body = StoryAnswer),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
async fn story(State(st): Shared, Path(id): Path<String>) -> Result<Json<StoryAnswer>, Problem> {
    let key = id.clone();
    let found = st
        .read(move |s| s.story(&key).map_err(Problem::from))
        .await?;
    match found {
        Some((story, events)) => Ok(Json(StoryAnswer { story, events })),
        None => Err(Problem::not_found(format!("no story `{id}` is stored"))),
    }
}

/// A story, as in JSONL input.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct StoryInput {
    /// Identifier.
    #[schema(min_length = 1, max_length = 200)]
    id: String,
    /// Publication date, YYYY-MM-DD.
    #[schema(format = Date)]
    date: String,
    /// Headline.
    #[serde(default)]
    title: Option<String>,
    /// Body text, at least one non-space character.
    #[schema(min_length = 1, pattern = "\\S")]
    text: String,
}

impl StoryInput {
    /// The story, checked by the rule every reader applies
    /// ([`Story::check`]).
    fn story(self) -> Result<Story, Problem> {
        let date = Date::parse(&self.date).ok_or_else(|| Problem::bad_date("date", &self.date))?;
        let mut story = Story::new(self.id.trim(), date, self.text, Layout::Prose);
        story.title = self.title.filter(|t| !t.trim().is_empty());
        story.origin.file = "api".into();
        story
            .check()
            .map_err(|m| Problem::bad_request(format!("the story cannot be coded: {m}")))?;
        Ok(story)
    }
}

fn body(input: Result<Json<StoryInput>, JsonRejection>) -> Result<Story, Problem> {
    match input {
        Ok(Json(i)) => i.story(),
        Err(JsonRejection::MissingJsonContentType(e)) => Err(Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "Unsupported media type",
            e.body_text(),
        )),
        // A body over the limit, whether or not it said its length (a
        // chunked body reaches the limit while it is read).
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE || over_limit(&e) => {
            Err(Problem::for_status(StatusCode::PAYLOAD_TOO_LARGE))
        }
        Err(e) => Err(Problem::new(
            StatusCode::BAD_REQUEST,
            "bad-json",
            "Malformed JSON",
            e.body_text(),
        )),
    }
}

/// Whether a rejected body failed because it ran over the size limit: the
/// limit's error may be wrapped more than once on its way up.
fn over_limit(e: &JsonRejection) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if c.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        cause = c.source();
    }
    false
}

/// A story's events.
#[derive(Serialize, utoipa::ToSchema)]
struct Coded {
    events: Vec<EventRecord>,
    /// What the coder could not read in full (an overlong sentence, cut).
    notes: Vec<CodingNote>,
}

/// Something the coder did not read in full.
#[derive(Serialize, utoipa::ToSchema)]
struct CodingNote {
    /// 0-based sentence index.
    sentence: usize,
    /// What happened.
    message: String,
}

impl From<Note> for CodingNote {
    fn from(n: Note) -> CodingNote {
        CodingNote {
            sentence: n.sentence,
            message: n.message,
        }
    }
}

/// Codes a story without storing it.
#[utoipa::path(
    post,
    path = "/v1/code",
    request_body = StoryInput,
    responses(
        (status = 200, body = Coded),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 413, body = Problem, content_type = "application/problem+json"),
        (status = 415, body = Problem, content_type = "application/problem+json"),
        (status = 408, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    )
)]
async fn code(
    State(st): Shared,
    input: Result<Json<StoryInput>, JsonRejection>,
) -> Result<Json<Coded>, Problem> {
    let story = body(input)?;
    let coded = st.code(story).await?;
    Ok(Json(Coded {
        events: coded.events,
        notes: coded.notes.into_iter().map(CodingNote::from).collect(),
    }))
}

/// What storing a story did.
#[derive(Serialize, utoipa::ToSchema)]
struct Stored {
    /// `stored`, `replaced` (re-coded with other dictionaries) or
    /// `unchanged` (already stored).
    put: String,
    story: StoryRecord,
    events: Vec<EventRecord>,
}

/// Codes a story and stores it with its events (needs the bearer token).
#[utoipa::path(
    post,
    path = "/v1/stories",
    request_body = StoryInput,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Stored or replaced", body = Stored),
        (status = 200, description = "Already stored", body = Stored),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 413, body = Problem, content_type = "application/problem+json"),
        (status = 415, body = Problem, content_type = "application/problem+json"),
        (status = 408, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    )
)]
async fn store_story(
    State(st): Shared,
    headers: HeaderMap,
    input: Result<Json<StoryInput>, JsonRejection>,
) -> Result<(StatusCode, Json<Stored>), Problem> {
    st.authorized(&headers)?;
    let story = body(input)?;
    let (put, story, events) = st.write(story).await?;
    let (status, put) = match put {
        Put::Stored(_) => (StatusCode::CREATED, "stored"),
        Put::Replaced(_) => (StatusCode::CREATED, "replaced"),
        Put::Unchanged => (StatusCode::OK, "unchanged"),
    };
    Ok((
        status,
        Json(Stored {
            put: put.into(),
            story,
            events,
        }),
    ))
}
