//! `sessions/enrol`: a signed-in person enrols themself: a confirmed place
//! while seats remain, the waiting list once full.

use leptos::prelude::*;

use super::SessionRef;
use crate::error::AppError;
use crate::sessions::rules::EnrolmentStatus;

#[server(endpoint = "sessions/enrol")]
pub async fn enrol(input: SessionRef) -> Result<EnrolmentStatus, AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        let status = crate::sessions::service::enrol::enrol_self(
            &state.db,
            input.session_id,
            &user,
            state.settings.max_upcoming_enrolments,
        )
        .await?;
        leptos_axum::redirect(&format!("/sessions/{}", input.session_id));
        Ok(status)
    })
    .await
}
