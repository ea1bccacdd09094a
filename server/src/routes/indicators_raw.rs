//! `GET /exports/indicateurs/{year}/donnees.csv` (coordinator only): the
//! anonymised raw data of the indicators, one row per participation, with
//! the dashboard's filters in the query string (`module`, `modalite`,
//! `formateur`). Same access and parsing as the other indicator exports.

use axum::{extract::State, response::Response};

use app::error::AppError;
use app::indicators::service::raw;
use app::state::AppState;

use super::download::{CSV, download};
use super::indicators::Selection;

pub async fn raw_csv(
    State(state): State<AppState>,
    Selection { filters, .. }: Selection,
) -> Result<Response, AppError> {
    let body = raw::csv(&state.db, &filters).await?;
    let name = format!("indicateurs-{}-donnees.csv", filters.year);
    Ok(download(CSV, name, body))
}
