//! Errors as RFC 9457 problem details (`application/problem+json`).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use statecraft_store::StoreError;

/// A problem, as the API returns it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What went wrong with this request.
    pub detail: String,
    /// Seconds to wait before trying again (sent as `Retry-After`).
    #[serde(skip)]
    pub retry_after: Option<u32>,
}

impl Problem {
    /// A problem of kind `slug` (documented at `/problems/{slug}`).
    pub fn new(status: StatusCode, slug: &str, title: &str, detail: impl Into<String>) -> Problem {
        Problem {
            kind: format!("/problems/{slug}"),
            title: title.to_string(),
            status: status.as_u16(),
            detail: detail.into(),
            retry_after: None,
        }
    }

    /// 503: every slot of a kind is in use; try again in a second.
    pub fn busy(detail: impl Into<String>) -> Problem {
        Problem {
            retry_after: Some(1),
            ..Problem::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                "Service busy",
                detail,
            )
        }
    }

    /// 503: the store cannot be reached.
    pub fn unavailable(cause: impl std::fmt::Display) -> Problem {
        tracing::warn!(error = %cause, "store unavailable");
        Problem {
            retry_after: Some(5),
            ..Problem::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "store-unavailable",
                "Store unavailable",
                "the store cannot be reached; the server reconnects on its own",
            )
        }
    }

    /// 408: coding took longer than the request timeout; nothing was
    /// stored.
    pub fn coding_timeout(limit: std::time::Duration) -> Problem {
        Problem::new(
            StatusCode::REQUEST_TIMEOUT,
            "coding-timeout",
            "Request Timeout",
            format!(
                "coding the story took longer than {} s; nothing was stored",
                limit.as_secs()
            ),
        )
    }

    /// 400: a parameter or body field is invalid.
    pub fn bad_request(detail: impl Into<String>) -> Problem {
        Problem::new(
            StatusCode::BAD_REQUEST,
            "bad-request",
            "Bad request",
            detail,
        )
    }

    /// 400: not a date.
    pub fn bad_date(name: &str, value: &str) -> Problem {
        Problem::new(
            StatusCode::BAD_REQUEST,
            "bad-date",
            "Invalid date",
            format!("`{name}` must be a date such as 2025-02-11, not `{value}`"),
        )
    }

    /// 404.
    pub fn not_found(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::NOT_FOUND, "not-found", "Not found", detail)
    }

    /// 401: writes need the bearer token.
    pub fn unauthorized(detail: impl Into<String>) -> Problem {
        Problem::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Unauthorized",
            detail,
        )
    }

    /// 500, with the cause logged but not shown.
    pub fn internal(cause: &dyn std::fmt::Display) -> Problem {
        tracing::error!(error = %cause, "internal error");
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Internal error",
            "the server failed to answer; the error is in its log",
        )
    }

    /// A problem for a response that carries none (from a layer or the
    /// router itself: 404, 405, 408, 413, 415…).
    pub fn for_status(status: StatusCode) -> Problem {
        let title = status.canonical_reason().unwrap_or("Error");
        let detail = match status {
            StatusCode::PAYLOAD_TOO_LARGE => "the request body is over the size limit".to_string(),
            StatusCode::REQUEST_TIMEOUT => "the request took too long".to_string(),
            StatusCode::NOT_FOUND => "no such resource".to_string(),
            StatusCode::URI_TOO_LONG => "the URI is over the length limit".to_string(),
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE => {
                "the request's headers are over the size limit".to_string()
            }
            StatusCode::METHOD_NOT_ALLOWED => "method not allowed here".to_string(),
            _ => title.to_lowercase(),
        };
        let slug = title.to_lowercase().replace(' ', "-");
        Problem::new(status, &slug, title, detail)
    }
}

impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Problem {
        match e {
            StoreError::UnknownState(s) => Problem::new(
                StatusCode::BAD_REQUEST,
                "unknown-state",
                "Unknown state",
                format!("no state is known by `{s}`: use a code such as KOR, or a name"),
            ),
            StoreError::Nul => Problem::bad_request(StoreError::Nul.to_string()),
            e if e.is_connection() => Problem::unavailable(e),
            other => Problem::internal(&other),
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut r = (status, body).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(s) = self.retry_after {
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        r
    }
}
