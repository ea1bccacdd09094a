//! The indicators' exports (coordinator only), with the dashboard's filters
//! in the query string: every table in one XLSX workbook, or one table as
//! CSV. Typology counts under 5 are masked in both. The raw data and the
//! annual report have their own routes (`indicators_raw`, `indicators_report`)
//! and read their selection here.

use axum::{
    extract::{FromRequestParts, Path, Query, State},
    http::{HeaderMap, request::Parts},
    response::{IntoResponse, Response},
};

use app::auth::require_in;
use app::error::AppError;
use app::indicators::rules::definitions;
use app::indicators::rules::selection::RawFilters;
use app::indicators::rules::tables::{Table, tables};
use app::indicators::service::{dashboard::dashboard, exports, selection};
use app::indicators::types::Filters;
use app::roles::Role;
use app::state::AppState;

use super::download::{CSV, XLSX, download};

/// The coordinator's selection for an export: the caller checked first
/// (401/403 before anything is parsed), then the year of the path and the
/// filters of the query string, read as the dashboard reads them (422 with a
/// French message). Returns the filters and the current year.
async fn selection(
    state: &AppState,
    headers: &HeaderMap,
    year: &str,
    mut raw: RawFilters,
) -> Result<(Filters, i32), AppError> {
    require_in(state, headers, &[Role::Coordinator]).await?;
    raw.annee = year.to_owned();
    selection::read(&raw)
}

/// The selection of a route `/exports/indicateurs/{year}/…` whose path holds
/// only the year, read as [`selection`] reads it, after the path and the
/// query string have been extracted (their rejections come first).
pub struct Selection {
    pub filters: Filters,
    pub this_year: i32,
}

impl FromRequestParts<AppState> for Selection {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Path(year) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let Query(raw) = Query::<RawFilters>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let (filters, this_year) = selection(state, &parts.headers, &year, raw)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(Selection { filters, this_year })
    }
}

async fn load(
    state: &AppState,
    headers: &HeaderMap,
    year: &str,
    raw: RawFilters,
) -> Result<(i32, Vec<Table>), AppError> {
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
    Ok(download(XLSX, format!("indicateurs-{year}.xlsx"), body))
}

/// `GET /exports/indicateurs/{year}/{table}.csv`
pub async fn table_csv(
    State(state): State<AppState>,
    Path((year, file)): Path<(String, String)>,
    Query(raw): Query<RawFilters>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let name = file.strip_suffix(".csv").ok_or(AppError::NotFound)?;
    let (year, tables) = load(&state, &headers, &year, raw).await?;
    let table = tables
        .iter()
        .find(|t| t.name == name)
        .ok_or(AppError::NotFound)?;
    Ok(download(
        CSV,
        format!("indicateurs-{year}-{name}.csv"),
        exports::csv(table)?,
    ))
}
