//! `accounts/update_profile`: the signed-in person edits their profile.

use leptos::prelude::*;

use crate::accounts::ProfileForm;
use crate::error::AppError;

#[server(endpoint = "accounts/update_profile")]
pub async fn update_profile(input: ProfileForm) -> Result<(), AppError> {
    crate::http::respond(async move {
        let me = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::accounts::service::profile::update(&state.db, me.id, input).await?;
        leptos_axum::redirect("/profil?enregistre=1");
        Ok(())
    })
    .await
}
