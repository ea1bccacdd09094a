//! `GET /mes-donnees`: everything Relais keeps about the signed-in person, as
//! a JSON download (RGPD right of access); the accounts service gathers it.

use axum::{
    extract::State,
    http::{HeaderMap, header},
    response::{IntoResponse, Response},
};

use app::auth::guard::{token_from_headers, user_for_token};
use app::error::AppError;
use app::state::AppState;

pub async fn my_data(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let token = token_from_headers(&headers).ok_or(AppError::Unauthenticated)?;
    let me = user_for_token(&state.db, &token)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let body = app::accounts::service::my_data::my_data(&state.db, me.id).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"mes-donnees-relais.json\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        serde_json::to_string_pretty(&body).map_err(AppError::internal)?,
    )
        .into_response())
}
