//! `GET /exports/quiz/{id}/resultats.csv?annee=…`: a quiz's results for a
//! year as CSV (every learner, not a page), for the trainers of its cohorts
//! and the coordinator.

use axum::{
    extract::{Path, Query, State},
    http::HeaderMap,
    response::Response,
};

use app::auth::require_in;
use app::error::AppError;
use app::params::optional_number;
use app::quiz::service::results::{Page, quiz_results, results_csv};
use app::quiz::types::NO_SUCH_YEAR;
use app::roles::Role;
use app::state::AppState;

use super::download::{CSV, download};

#[derive(serde::Deserialize)]
pub struct YearQuery {
    annee: Option<String>,
}

pub async fn quiz_results_csv(
    State(state): State<AppState>,
    Path(quiz_id): Path<i32>,
    Query(query): Query<YearQuery>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let user = require_in(&state, &headers, &[Role::Trainer, Role::Coordinator]).await?;
    let year = optional_number(query.annee.as_deref(), NO_SUCH_YEAR)?;
    let now = chrono::Utc::now();
    let results = quiz_results(&state.db, &user, quiz_id, year, Page::All, now).await?;
    let mut body = vec![0xEF, 0xBB, 0xBF]; // UTF-8 mark, so spreadsheets read the accents
    body.extend(results_csv(&results)?);
    Ok(download(CSV, "resultats-quiz.csv".to_owned(), body))
}
