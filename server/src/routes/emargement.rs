//! The attendance sheet of a session (feuille d'émargement) as PDF, as CSV,
//! and both in one ZIP. For the session's trainers and the coordinator only
//! (a visitor gets 401, anyone else 403, as for the quiz results CSV). File
//! names hold the session id, never a name.

use axum::{
    extract::{Path, State},
    http::HeaderMap,
    response::Response,
};
use chrono::Utc;

use app::archive::zip_files;
use app::attendance::service::sheet::{Sheet, file_name, load_sheet, sheet_csv, sheet_pdf};
use app::auth::require_in;
use app::error::AppError;
use app::roles::Role;
use app::state::AppState;

use super::download::{CSV, PDF, ZIP, download};

async fn sheet(state: &AppState, headers: &HeaderMap, id: i32) -> Result<Sheet, AppError> {
    let user = require_in(state, headers, &[Role::Trainer, Role::Coordinator]).await?;
    load_sheet(&state.db, &user, id, Utc::now()).await
}

/// Typesetting takes tens of milliseconds of CPU: kept off the async workers.
async fn pdf_of(sheet: Sheet) -> Result<(Sheet, Vec<u8>), AppError> {
    app::blocking::run(move || {
        let pdf = sheet_pdf(&sheet, Utc::now())?;
        Ok((sheet, pdf))
    })
    .await?
}

/// `GET /exports/sessions/{id}/emargement.pdf`
pub async fn emargement_pdf(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let (_, pdf) = pdf_of(sheet(&state, &headers, id).await?).await?;
    Ok(download(PDF, file_name(id, "pdf"), pdf))
}

/// `GET /exports/sessions/{id}/emargement.csv`
pub async fn emargement_csv(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let csv = sheet_csv(&sheet(&state, &headers, id).await?)?;
    Ok(download(CSV, file_name(id, "csv"), csv))
}

/// `GET /exports/sessions/{id}/emargement.zip`: the PDF and the CSV together.
pub async fn emargement_zip(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let (sheet, pdf) = pdf_of(sheet(&state, &headers, id).await?).await?;
    let csv = sheet_csv(&sheet)?;
    let files = vec![(file_name(id, "pdf"), pdf), (file_name(id, "csv"), csv)];
    let zip = app::blocking::run(move || zip_files(&files)).await??;
    Ok(download(ZIP, file_name(id, "zip"), zip))
}
