//! A server function whose arguments cannot be read fails before its body
//! runs, so nothing gives the error its HTTP status and Leptos answers 500.
//! The answer carries the [`AppError`] itself: it is given that error's status
//! (422 for a form that is malformed or names an unknown value), and only a
//! real internal failure stays a 500.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

use app::error::AppError;

/// The largest error answer read back: an `AppError` is one short sentence.
const MAX_ERROR_BODY: usize = 16 * 1024;

/// The layer: answers under `/api/` (the server functions, whether Leptos
/// routed them itself or through the `/api/{*fn_name}` fallback) go through
/// [`with_error_status`].
pub async fn for_server_fns(request: Request, next: Next) -> Response {
    let server_fn = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if server_fn {
        with_error_status(response).await
    } else {
        response
    }
}

pub async fn with_error_status(response: Response) -> Response {
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Some(status) = serde_json::from_slice::<AppError>(&bytes)
        .ok()
        .and_then(|e| StatusCode::from_u16(e.status()).ok())
    {
        parts.status = status;
    }
    Response::from_parts(parts, Body::from(bytes))
}
