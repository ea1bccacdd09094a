//! `sessions/new_checkin_code`: « Nouveau code » on the roll call of a
//! distance or hybrid half-day. The code is returned once, never stored.

use leptos::prelude::*;

use crate::error::AppError;
use crate::sessions::attendance_types::{CheckinCode, SlotRef};

#[server(endpoint = "sessions/new_checkin_code")]
pub async fn new_checkin_code(input: SlotRef) -> Result<CheckinCode, AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::sessions::service::attendance::codes::new_code(
            &state.db,
            &user,
            input.session_id,
            input.slot_id,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}
