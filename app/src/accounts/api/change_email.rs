//! `accounts/change_email`: the coordinator gives an account another e-mail
//! address (both addresses are told).

use leptos::prelude::*;

use crate::accounts::EmailChange;
use crate::error::AppError;

#[server(endpoint = "accounts/change_email")]
pub async fn change_email(input: EmailChange) -> Result<(), AppError> {
    crate::http::respond(async move {
        let me = crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::accounts::service::email_change::change_email(
            &state.db,
            &state.settings.public_url,
            &me,
            input,
        )
        .await?;
        leptos_axum::redirect("/coordination/comptes?adresse=1");
        Ok(())
    })
    .await
}
