//! `assessment/learner_view`: the caller's questionnaires for one session in
//! which they are enrolled (the form to fill now and their own answers).

use leptos::prelude::*;

use crate::assessment::types::LearnerView;
use crate::error::AppError;

#[server(name = LoadLearnerView, endpoint = "assessment/learner_view")]
pub async fn learner_view(session_id: i32) -> Result<LearnerView, AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::assessment::service::learner::view(&state.db, &user, session_id, chrono::Utc::now())
            .await
    })
    .await
}
