//! The annual report of the indicators as PDF (« bilan annuel »),
//! `GET /exports/indicateurs/{year}/bilan.pdf`: coordinator only, with the
//! dashboard's filters in the query string, checked and read exactly as for
//! the other indicator exports.

use axum::{http::HeaderMap, response::Response};
use chrono::Utc;

use app::error::AppError;
use app::indicators::report::{file_name, report_pdf};
use app::indicators::rules::selection::RawFilters;
use app::indicators::service::dashboard::dashboard;
use app::state::AppState;

use super::exports::download;

/// The report of `year` (the path's text) with the filters of `raw`.
pub async fn bilan_pdf(
    state: &AppState,
    headers: &HeaderMap,
    year: &str,
    raw: RawFilters,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let (filters, this_year) = super::indicators::selection(state, headers, year, raw).await?;
    let year = filters.year;
    let d = dashboard(&state.db, filters, this_year).await?;
    // Typesetting takes tens of milliseconds of CPU: kept off the async workers.
    let body = tokio::task::spawn_blocking(move || report_pdf(&d, now))
        .await
        .map_err(AppError::internal)??;
    Ok(download("application/pdf", file_name(year), body))
}
