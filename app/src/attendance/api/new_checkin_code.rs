//! `sessions/new_checkin_code`: « Nouveau code » on the roll call of a
//! distance or hybrid half-day. The code is returned once, never stored.

use leptos::prelude::*;

use crate::attendance::types::{CheckinCode, SlotRef};
use crate::error::AppError;

#[server(endpoint = "sessions/new_checkin_code")]
pub async fn new_checkin_code(input: SlotRef) -> Result<CheckinCode, AppError> {
    crate::http::as_signed_in(move |state, user, now| async move {
        crate::attendance::service::codes::new_code(&state.db, &user, &input, now).await
    })
    .await
}
