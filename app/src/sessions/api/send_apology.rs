//! `sessions/send_apology`: a confirmed learner excuses themself in advance
//! for a half-day, with an optional reason (300 characters at most).

use leptos::prelude::*;

use crate::error::AppError;
use crate::sessions::attendance_types::ApologyInput;

#[server(endpoint = "sessions/send_apology")]
pub async fn send_apology(input: ApologyInput) -> Result<(), AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::sessions::service::attendance::apology::send(
            &state.db,
            &user,
            &input,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}
