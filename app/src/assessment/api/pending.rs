//! `assessment/pending`: the questionnaires open and not yet answered by the
//! caller, for « Mon espace ».

use leptos::prelude::*;

use crate::assessment::types::Pending;
use crate::error::AppError;

#[server(endpoint = "assessment/pending")]
pub async fn pending_questionnaires() -> Result<Vec<Pending>, AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::assessment::service::learner::pending(&state.db, &user, chrono::Utc::now()).await
    })
    .await
}
