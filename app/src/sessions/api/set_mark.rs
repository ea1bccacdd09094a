//! `sessions/set_mark`: one tap of the roll call (a correction, audited,
//! when the learner already had a mark). Returns the recorded status code.

use leptos::prelude::*;

use crate::error::AppError;
use crate::sessions::attendance_types::MarkInput;

#[server(endpoint = "sessions/set_mark")]
pub async fn set_mark(input: MarkInput) -> Result<String, AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        let status = crate::sessions::service::attendance::marks::set_mark(
            &state.db,
            &user,
            &input,
            chrono::Utc::now(),
        )
        .await?;
        Ok(status.code().to_owned())
    })
    .await
}
