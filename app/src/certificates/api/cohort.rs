//! `certificates/cohort`: a session's confirmed learners, each eligible or
//! not and why, with their certificate if issued (trainers of the session
//! and the coordinator).

use leptos::prelude::*;

use crate::certificates::types::Cohort;
use crate::error::AppError;

#[server(endpoint = "certificates/cohort")]
pub async fn get_cohort(session_id: i32) -> Result<Cohort, AppError> {
    crate::http::respond(async move {
        let user =
            crate::auth::require(&[crate::roles::Role::Trainer, crate::roles::Role::Coordinator])
                .await?;
        let state = crate::state::app_state()?;
        crate::certificates::service::cohort::cohort(
            &state.db,
            &user,
            session_id,
            &state.settings.public_url,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}
