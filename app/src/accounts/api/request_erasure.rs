//! `accounts/request_erasure`: the signed-in person asks for their account to
//! be erased; every coordinator is told, and one of them confirms.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "accounts/request_erasure")]
pub async fn request_erasure() -> Result<(), AppError> {
    crate::http::respond(async {
        let me = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        let url = &state.settings.public_url;
        let now = chrono::Utc::now();
        if crate::privacy::service::requests::request(&state.db, url, me.id, now).await? {
            leptos_axum::redirect("/profil?effacement=1");
        }
        Ok(())
    })
    .await
}
