//! `sessions/confirm_slot`: « Signer l’appel de cette demi-journée ».

use leptos::prelude::*;

use crate::error::AppError;
use crate::sessions::attendance_types::SlotRef;

#[server(endpoint = "sessions/confirm_slot")]
pub async fn confirm_slot(input: SlotRef) -> Result<(), AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::sessions::service::attendance::marks::confirm_slot(
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
