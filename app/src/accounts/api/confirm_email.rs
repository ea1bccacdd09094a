//! `accounts/confirm_email`: the button of a confirmation link's page
//! confirms the address the link was sent to (no sign-in needed: the link may
//! be opened on another device).

use leptos::prelude::*;

use crate::accounts::ConfirmEmailForm;
use crate::error::AppError;

#[server(endpoint = "accounts/confirm_email")]
pub async fn confirm_email(input: ConfirmEmailForm) -> Result<(), AppError> {
    crate::http::respond(async move {
        let state = crate::state::app_state()?;
        crate::accounts::service::verification::confirm(
            &state.db,
            &input.token,
            chrono::Utc::now(),
        )
        .await?;
        leptos_axum::redirect("/adresse/confirmer?confirmee=1");
        Ok(())
    })
    .await
}
