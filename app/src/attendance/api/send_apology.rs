//! `sessions/send_apology`: a confirmed learner excuses themself in advance
//! for a half-day, with an optional reason (300 characters at most).

use leptos::prelude::*;

use crate::attendance::types::ApologyInput;
use crate::error::AppError;

#[server(endpoint = "sessions/send_apology")]
pub async fn send_apology(input: ApologyInput) -> Result<(), AppError> {
    crate::http::as_signed_in(move |state, user, now| async move {
        crate::attendance::service::apology::send(&state.db, &user, &input, now).await
    })
    .await
}
