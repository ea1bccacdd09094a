//! Certificate downloads: one PDF for its holder or the session's managers
//! (anyone else: 404), and a session's certificates as one ZIP for its
//! trainers and the coordinator. File names hold the number, never a name.

use axum::{
    extract::{Path, State},
    http::HeaderMap,
    response::Response,
};

use app::auth::require_in;
use app::certificates::service::downloads::{certificate_file, session_zip};
use app::error::AppError;
use app::roles::Role;
use app::state::AppState;

use super::download::{PDF, ZIP, download};

/// `GET /exports/certificats/{id}.pdf`
pub async fn certificate_pdf(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let user = require_in(&state, &headers, &Role::ALL).await?;
    let id: i32 = file
        .strip_suffix(".pdf")
        .and_then(|id| id.parse().ok())
        .ok_or(AppError::NotFound)?;
    let (name, pdf) = certificate_file(&state.db, &user, id).await?;
    Ok(download(PDF, name, pdf))
}

/// `GET /exports/sessions/{id}/certificats.zip`
pub async fn certificates_zip(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let user = require_in(&state, &headers, &[Role::Trainer, Role::Coordinator]).await?;
    let (name, zip) = session_zip(&state.db, &user, id).await?;
    Ok(download(ZIP, name, zip))
}
