//! Signing out ends the session on the server, not only in the browser.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "accounts/sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    crate::http::respond(async {
        let state = crate::state::app_state()?;
        if let Some(token) = crate::auth::guard::request_token() {
            crate::auth::session::destroy(&state.db, &token).await?;
        }
        crate::http::append_set_cookie(&crate::auth::session::removal_cookie(
            state.settings.secure_cookies(),
        ));
        leptos_axum::redirect("/");
        Ok(())
    })
    .await
}
