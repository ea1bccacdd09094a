//! Downloads that are files rather than pages, each behind the same access
//! rules as the page that links to it. Nothing personal goes in the URL: the
//! caller is known from the session cookie.

use axum::{
    extract::{Path, State},
    http::{HeaderMap, header},
    response::{IntoResponse, Response},
};

use app::auth::CurrentUser;
use app::auth::guard::{token_from_headers, user_for_token};
use app::error::AppError;
use app::quiz::service::results::{quiz_results, results_csv};
use app::roles::Role;
use app::state::AppState;

pub(crate) async fn caller(
    state: &AppState,
    headers: &HeaderMap,
    roles: &[Role],
) -> Result<CurrentUser, AppError> {
    let token = token_from_headers(headers).ok_or(AppError::Unauthenticated)?;
    let user = user_for_token(&state.db, &token)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if roles.contains(&user.role) {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// A file to save, never cached (it holds the caller's data).
pub(crate) fn download(content_type: &'static str, name: String, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

/// `GET /exports/quiz/{id}/resultats.csv`: the results page as CSV.
pub async fn quiz_results_csv(
    State(state): State<AppState>,
    Path(quiz_id): Path<i32>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let user = caller(&state, &headers, &[Role::Trainer, Role::Coordinator]).await?;
    let results = quiz_results(&state.db, &user, quiz_id).await?;
    let mut body = vec![0xEF, 0xBB, 0xBF]; // UTF-8 mark, so spreadsheets read the accents
    body.extend(results_csv(&results)?);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"resultats-quiz.csv\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}
