//! `accounts/reset_password`: a new password through a reset link.

use leptos::prelude::*;

use crate::accounts::NewPasswordForm;
use crate::error::AppError;

#[server(endpoint = "accounts/reset_password")]
pub async fn reset_password(input: NewPasswordForm) -> Result<(), AppError> {
    crate::http::respond(async move {
        let state = crate::state::app_state()?;
        crate::accounts::service::reset::reset(&state.db, input, chrono::Utc::now()).await?;
        leptos_axum::redirect("/connexion?reinitialise=1");
        Ok(())
    })
    .await
}
