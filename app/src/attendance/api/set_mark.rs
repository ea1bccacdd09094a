//! `sessions/set_mark`: one tap of the roll call (a correction, audited,
//! when the learner already had a mark). Returns the recorded status (on the
//! wire, its code).

use leptos::prelude::*;

use crate::attendance::rules::Attendance;
use crate::attendance::types::MarkInput;
use crate::error::AppError;

#[server(endpoint = "sessions/set_mark")]
pub async fn set_mark(input: MarkInput) -> Result<Attendance, AppError> {
    crate::http::as_signed_in(move |state, user, now| async move {
        crate::attendance::service::marks::set_mark(&state.db, &user, &input, now).await
    })
    .await
}
