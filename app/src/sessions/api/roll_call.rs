//! `sessions/roll_call`: the roll call of one half-day, for the session's
//! trainers and the coordinator.

use leptos::prelude::*;

use crate::error::AppError;
use crate::sessions::attendance_types::RollCall;

#[server(endpoint = "sessions/roll_call")]
pub async fn get_roll_call(session_id: i32, slot_id: i32) -> Result<RollCall, AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::sessions::service::attendance::roll_call::roll_call(
            &state.db,
            &user,
            session_id,
            slot_id,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}
