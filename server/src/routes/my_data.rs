//! `GET /mes-donnees`: everything Relais keeps about the signed-in person, as
//! a JSON download (RGPD rights of access and portability); the privacy
//! service gathers it (`app::privacy::service::export`), the page
//! `/mes-donnees/consulter` shows the same document.

use axum::{extract::State, http::HeaderMap, response::Response};

use app::auth::require_in;
use app::error::AppError;
use app::roles::Role;
use app::state::AppState;

use super::download::{JSON, download};

pub async fn my_data(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let me = require_in(&state, &headers, &Role::ALL).await?;
    let body = app::privacy::service::export::my_data(&state.db, me.id, chrono::Utc::now()).await?;
    let json = serde_json::to_string_pretty(&body).map_err(AppError::internal)?;
    Ok(download(
        JSON,
        "mes-donnees-relais.json".to_owned(),
        json.into_bytes(),
    ))
}
