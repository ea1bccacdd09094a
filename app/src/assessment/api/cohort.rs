//! `assessment/cohort`: a session's figures (self-assessment before / after,
//! response rates, à-chaud summary) for its trainers and the coordinator.

use leptos::prelude::*;

use crate::assessment::types::CohortView;
use crate::error::AppError;

#[server(endpoint = "assessment/cohort")]
pub async fn assessment_cohort(session_id: i32) -> Result<CohortView, AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        let user = crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::assessment::service::cohort::cohort(&state.db, &user, session_id).await
    })
    .await
}
