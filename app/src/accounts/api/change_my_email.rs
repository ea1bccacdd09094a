//! `accounts/change_my_email`: the signed-in person changes their own e-mail
//! address, with their current password (both addresses are told).

use leptos::prelude::*;

use crate::accounts::MyEmailChange;
use crate::error::AppError;

#[server(endpoint = "accounts/change_my_email")]
pub async fn change_my_email(input: MyEmailChange) -> Result<(), AppError> {
    crate::http::respond(async move {
        let me = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::accounts::service::email_change::change_own_email(
            &state.db,
            &state.settings.public_url,
            me.id,
            input,
            chrono::Utc::now(),
        )
        .await?;
        leptos_axum::redirect("/profil?adresse=1");
        Ok(())
    })
    .await
}
