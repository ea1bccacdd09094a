//! `GET /exports/indicateurs/{year}/donnees.csv` (coordinator only): the
//! anonymised raw data of the indicators, one row per participation, with
//! the dashboard's filters in the query string (`module`, `modalite`,
//! `formateur`). Same access and parsing as the other indicator exports.

use axum::{http::HeaderMap, response::Response};

use app::error::AppError;
use app::indicators::rules::selection::RawFilters;
use app::indicators::service::raw;
use app::state::AppState;

use super::exports::download;

/// The file name this export answers to, under `/exports/indicateurs/{year}/`.
pub const FILE: &str = "donnees.csv";

pub async fn raw_csv(
    state: &AppState,
    headers: &HeaderMap,
    year: &str,
    query: RawFilters,
) -> Result<Response, AppError> {
    let (filters, _) = super::indicators::selection(state, headers, year, query).await?;
    let body = raw::csv(&state.db, &filters).await?;
    Ok(download(
        "text/csv; charset=utf-8",
        format!("indicateurs-{}-donnees.csv", filters.year),
        body,
    ))
}
