//! `sessions/roll_call`: the roll call of one half-day, for the session's
//! trainers and the coordinator.

use leptos::prelude::*;

use crate::attendance::types::RollCall;
use crate::error::AppError;

#[server(endpoint = "sessions/roll_call")]
pub async fn get_roll_call(session_id: i32, slot_id: i32) -> Result<RollCall, AppError> {
    crate::http::as_signed_in(move |state, user, now| async move {
        crate::attendance::service::roll_call::roll_call(&state.db, &user, session_id, slot_id, now)
            .await
    })
    .await
}
