//! `sessions/withdraw_apology`: the learner takes back their apology before
//! the half-day starts.

use leptos::prelude::*;

use crate::attendance::types::SlotRef;
use crate::error::AppError;

#[server(endpoint = "sessions/withdraw_apology")]
pub async fn withdraw_apology(input: SlotRef) -> Result<(), AppError> {
    crate::http::as_signed_in(move |state, user, now| async move {
        crate::attendance::service::apology::withdraw(&state.db, &user, &input, now).await
    })
    .await
}
