//! `assessment/submit`: a learner answers one phase (before, after,
//! retrospective, à chaud) of their own enrolment, inside its window, once.

use leptos::prelude::*;

use crate::assessment::types::SubmitInput;
use crate::error::AppError;

#[server(endpoint = "assessment/submit")]
pub async fn submit_questionnaire(input: SubmitInput) -> Result<(), AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::assessment::service::submit::submit(&state.db, &user, &input, chrono::Utc::now())
            .await
            .map(|_| ())
    })
    .await
}
