//! `sessions/cancel_enrolment`: a learner cancels their own enrolment until
//! the deadline; those who manage the session cancel anyone's. A freed place
//! goes to the first person waiting.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EnrolmentRef {
    pub enrolment_id: i32,
}

#[server(endpoint = "sessions/cancel_enrolment")]
pub async fn cancel_enrolment(input: EnrolmentRef) -> Result<(), AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        let session =
            crate::sessions::service::enrol::cancel(&state.db, input.enrolment_id, &user).await?;
        leptos_axum::redirect(&format!("/sessions/{session}"));
        Ok(())
    })
    .await
}
