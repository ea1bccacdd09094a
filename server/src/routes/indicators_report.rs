//! The annual report of the indicators as PDF (« bilan annuel »),
//! `GET /exports/indicateurs/{year}/bilan.pdf`: coordinator only, with the
//! dashboard's filters in the query string, checked and read exactly as for
//! the other indicator exports.

use axum::{extract::State, response::Response};
use chrono::Utc;

use app::error::AppError;
use app::indicators::service::dashboard::dashboard;
use app::indicators::service::report::{file_name, report_pdf};
use app::state::AppState;

use super::download::{PDF, download};
use super::indicators::Selection;

/// The report of the path's year with the filters of the query string.
pub async fn bilan_pdf(
    State(state): State<AppState>,
    Selection { filters, this_year }: Selection,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let year = filters.year;
    let d = dashboard(&state.db, filters, this_year).await?;
    // Typesetting takes tens of milliseconds of CPU: kept off the async workers.
    let body = app::blocking::run(move || report_pdf(&d, now)).await??;
    Ok(download(PDF, file_name(year), body))
}
