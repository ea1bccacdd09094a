//! `sessions/confirm_slot`: « Signer l’appel de cette demi-journée ».

use leptos::prelude::*;

use crate::attendance::types::SlotRef;
use crate::error::AppError;

#[server(endpoint = "sessions/confirm_slot")]
pub async fn confirm_slot(input: SlotRef) -> Result<(), AppError> {
    crate::http::as_signed_in(move |state, user, now| async move {
        crate::attendance::service::marks::confirm_slot(&state.db, &user, &input, now).await
    })
    .await
}
