//! Server-function bodies are read whole before any work, up to
//! [`MAX_BODY`]: a larger one is the client's mistake and gets 413 with a
//! French message (it used to fail deep inside Leptos as a 500 « Transport »).
//! Browsers post forms of a few kilobytes; the longest text a form accepts
//! (a lesson, 100 000 characters) fits many times over.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use app::error::AppError;

/// The largest server-function body read.
pub const MAX_BODY: usize = 2 * 1024 * 1024;

/// The layer: bodies under `/api/` are refused above [`MAX_BODY`], by their
/// declared length first, else while they are read.
pub async fn limit(request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > MAX_BODY as u64) {
        return too_large();
    }
    let (parts, body) = request.into_parts();
    match to_bytes(body, MAX_BODY).await {
        Ok(bytes) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Err(_) => too_large(),
    }
}

fn too_large() -> Response {
    let error = AppError::invalid(
        "Les données envoyées sont trop volumineuses (2 Mo au plus) : raccourcissez vos textes.",
    );
    let body = serde_json::to_string(&error).unwrap_or_default();
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}
