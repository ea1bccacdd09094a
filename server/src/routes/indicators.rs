//! The indicators' exports (coordinator only), with the dashboard's filters
//! in the query string: every table in one XLSX workbook, or one table as
//! CSV. Typology counts under 5 are masked in both.

use axum::{
    extract::{Path, Query, State},
    http::HeaderMap,
    response::Response,
};
use chrono::Datelike;

use app::error::AppError;
use app::indicators::rules::definitions;
use app::indicators::rules::selection::{RawFilters, parse};
use app::indicators::rules::tables::tables;
use app::indicators::service::{dashboard::dashboard, exports};
use app::indicators::types::Filters;
use app::roles::Role;
use app::state::AppState;

use super::exports::{caller, download};

/// The coordinator's selection for an export: the caller checked first
/// (401/403 before anything is parsed), then the year of the path and the
/// filters of the query string (422 with a French message). Returns the
/// filters and the current year.
pub(super) async fn selection(
    state: &AppState,
    headers: &HeaderMap,
    year: &str,
    mut raw: RawFilters,
) -> Result<(Filters, i32), AppError> {
    caller(state, headers, &[Role::Coordinator]).await?;
    let this_year = app::calendar::to_local(chrono::Utc::now()).year();
    raw.annee = year.to_owned();
    let filters = parse(&raw, this_year).map_err(AppError::invalid)?;
    Ok((filters, this_year))
}

async fn load(
    state: &AppState,
    headers: &HeaderMap,
    year: &str,
    raw: RawFilters,
) -> Result<(i32, Vec<app::indicators::rules::tables::Table>), AppError> {
    let (filters, this_year) = selection(state, headers, year, raw).await?;
    let year = filters.year;
    let d = dashboard(&state.db, filters, this_year).await?;
    Ok((year, tables(&d)))
}

/// `GET /exports/indicateurs/{year}.xlsx`
pub async fn workbook(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(raw): Query<RawFilters>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let year = file.strip_suffix(".xlsx").ok_or(AppError::NotFound)?;
    let (year, tables) = load(&state, &headers, year, raw).await?;
    let body = exports::xlsx(&tables, &definitions::ALL)?;
    Ok(download(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        format!("indicateurs-{year}.xlsx"),
        body,
    ))
}

/// `GET /exports/indicateurs/{year}/{table}.csv` (and `donnees.csv`, the raw data;
/// `bilan.pdf`, the annual report).
pub async fn table_csv(
    State(state): State<AppState>,
    Path((year, file)): Path<(String, String)>,
    Query(raw): Query<RawFilters>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if file == super::indicators_raw::FILE {
        return super::indicators_raw::raw_csv(&state, &headers, &year, raw).await;
    }
    if file == "bilan.pdf" {
        return super::indicators_report::bilan_pdf(&state, &headers, &year, raw).await;
    }
    let name = file.strip_suffix(".csv").ok_or(AppError::NotFound)?;
    let (year, tables) = load(&state, &headers, &year, raw).await?;
    let table = tables
        .iter()
        .find(|t| t.name == name)
        .ok_or(AppError::NotFound)?;
    Ok(download(
        "text/csv; charset=utf-8",
        format!("indicateurs-{year}-{name}.csv"),
        exports::csv(table)?,
    ))
}
