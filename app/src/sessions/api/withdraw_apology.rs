//! `sessions/withdraw_apology`: the learner takes back their apology before
//! the half-day starts.

use leptos::prelude::*;

use crate::error::AppError;
use crate::sessions::attendance_types::SlotRef;

#[server(endpoint = "sessions/withdraw_apology")]
pub async fn withdraw_apology(input: SlotRef) -> Result<(), AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::sessions::service::attendance::apology::withdraw(
            &state.db,
            &user,
            &input,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}
