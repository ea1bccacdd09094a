//! `accounts/sign_up`: a visitor creates a learner account and is signed in.

use leptos::prelude::*;

use crate::accounts::SignUpForm;
use crate::error::AppError;

#[server(endpoint = "accounts/sign_up")]
pub async fn sign_up(input: SignUpForm) -> Result<(), AppError> {
    use crate::auth::{rate_limit, session};

    crate::http::respond(async move {
        let state = crate::state::app_state()?;
        let db = &state.db;
        let now = chrono::Utc::now();
        rate_limit::hit_client(db, "sign_up", rate_limit::SIGN_UP_PER_CLIENT, now).await?;
        let user =
            crate::accounts::service::sign_up::sign_up(db, &state.settings.public_url, input, now)
                .await?;
        let token = session::create(db, user.id, now).await?;
        crate::http::append_set_cookie(&session::cookie(&token, state.settings.secure_cookies()));
        leptos_axum::redirect("/mon-espace");
        Ok(())
    })
    .await
}
