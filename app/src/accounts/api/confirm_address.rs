//! `accounts/confirm_address`: the coordinator confirms an account's address
//! (the person could not receive or open the link).

use leptos::prelude::*;

use crate::accounts::AddressConfirmation;
use crate::error::AppError;

#[server(endpoint = "accounts/confirm_address")]
pub async fn confirm_address(input: AddressConfirmation) -> Result<(), AppError> {
    crate::http::respond(async move {
        let me = crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::accounts::service::verification::confirm_by_coordinator(
            &state.db,
            me.id,
            input.user_id,
            chrono::Utc::now(),
        )
        .await?;
        leptos_axum::redirect("/coordination/comptes?adresse_confirmee=1");
        Ok(())
    })
    .await
}
