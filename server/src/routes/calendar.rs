//! `GET /agenda/{token}.ics`: a person's calendar feed, read by calendar
//! applications without a session cookie; the secret token in the address is
//! the only credential (256 random bits, so no rate limit is needed). Unknown,
//! malformed and revoked tokens all get the same 404. The token never reaches
//! the logs: the request span records `/agenda/…` (see `router.rs`).

use axum::{
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

use app::agenda::service::feed;
use app::sessions::service::ics;
use app::state::AppState;

pub async fn feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(token) = file.strip_suffix(".ics").filter(|t| well_formed(t)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let host = ics::host(&state.settings.public_url);
    match feed::render(&state.db, token, chrono::Utc::now(), host).await {
        Ok(Some(text)) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (header::CACHE_CONTROL, "private, no-store"),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            ],
            text,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = ?e, "cannot build a calendar feed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The shape of `auth::tokens::new_token`: 43 URL-safe characters.
fn well_formed(token: &str) -> bool {
    token.len() == 43
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}
