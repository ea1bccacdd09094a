//! `accounts/request_password_reset`: « Mot de passe oublié ? ». The answer is
//! the same whether or not the address has an account.

use leptos::prelude::*;

use crate::accounts::ResetRequestForm;
use crate::error::AppError;

#[server(endpoint = "accounts/request_password_reset")]
pub async fn request_password_reset(input: ResetRequestForm) -> Result<(), AppError> {
    use crate::accounts::service::reset;
    use crate::auth::rate_limit;

    crate::http::respond(async move {
        let state = crate::state::app_state()?;
        let now = chrono::Utc::now();
        rate_limit::hit_client(&state.db, "reset", rate_limit::RESET_PER_CLIENT, now).await?;
        let email = reset::requested_email(&input.email)?;
        // Same answer for a known and an unknown address: nothing tells whether it exists.
        leptos_axum::redirect("/mot-de-passe-oublie?envoye=1");
        reset::request(&state.db, &state.settings.public_url, email, now).await
    })
    .await
}
