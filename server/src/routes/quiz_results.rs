//! `GET /exports/quiz/{id}/resultats.csv`: a quiz's results page as CSV, for
//! the session's trainers and the coordinator.

use axum::{
    extract::{Path, State},
    http::HeaderMap,
    response::Response,
};

use app::auth::require_in;
use app::error::AppError;
use app::quiz::service::results::{quiz_results, results_csv};
use app::roles::Role;
use app::state::AppState;

use super::download::{CSV, download};

pub async fn quiz_results_csv(
    State(state): State<AppState>,
    Path(quiz_id): Path<i32>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let user = require_in(&state, &headers, &[Role::Trainer, Role::Coordinator]).await?;
    let results = quiz_results(&state.db, &user, quiz_id).await?;
    let mut body = vec![0xEF, 0xBB, 0xBF]; // UTF-8 mark, so spreadsheets read the accents
    body.extend(results_csv(&results)?);
    Ok(download(CSV, "resultats-quiz.csv".to_owned(), body))
}
