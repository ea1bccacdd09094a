//! `accounts/sign_in`: a fresh session for the right address and password.

use leptos::prelude::*;

use crate::accounts::SignInForm;
use crate::error::AppError;

#[server(endpoint = "accounts/sign_in")]
pub async fn sign_in(input: SignInForm) -> Result<(), AppError> {
    crate::http::respond(async move {
        let state = crate::state::app_state()?;
        let token = crate::accounts::service::sign_in::sign_in(
            &state.db,
            input,
            crate::http::client_ip(),
            crate::auth::guard::request_token(),
            chrono::Utc::now(),
        )
        .await?;
        crate::http::append_set_cookie(&crate::auth::session::cookie(
            &token,
            state.settings.secure_cookies(),
        ));
        leptos_axum::redirect("/mon-espace");
        Ok(())
    })
    .await
}
