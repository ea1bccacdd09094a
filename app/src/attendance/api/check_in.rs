//! `sessions/check_in`: a confirmed learner types the code of the half-day
//! under way. Returns the recorded status (on the wire, its code: `present`
//! or `retard`).
//!
//! What a client posts (also for load tests): `POST /api/sessions/check_in`,
//! URL-encoded, fields `input[session_id]` and `input[code]`, with the
//! learner's session cookie; see [`check_in_form`].

use leptos::prelude::*;

use crate::attendance::rules::Attendance;
use crate::attendance::types::CheckInInput;
use crate::error::AppError;

/// The path a check-in is posted to.
pub const CHECK_IN_PATH: &str = "/api/sessions/check_in";

/// The URL-encoded fields of a check-in, as the page's form posts them.
pub fn check_in_form(session_id: i32, code: &str) -> [(&'static str, String); 2] {
    [
        ("input[session_id]", session_id.to_string()),
        ("input[code]", code.to_owned()),
    ]
}

#[server(endpoint = "sessions/check_in")]
pub async fn check_in(input: CheckInInput) -> Result<Attendance, AppError> {
    crate::http::as_signed_in(move |state, user, now| async move {
        crate::attendance::service::codes::check_in(&state.db, &user, &input, now).await
    })
    .await
}
