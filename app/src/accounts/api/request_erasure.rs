//! `accounts/request_erasure`: the signed-in person asks for their account to
//! be erased (the coordinator confirms).

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "accounts/request_erasure")]
pub async fn request_erasure() -> Result<(), AppError> {
    crate::http::respond(async {
        let me = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        if crate::accounts::service::profile::request_erasure(&state.db, me.id).await? {
            leptos_axum::redirect("/profil?effacement=1");
        }
        Ok(())
    })
    .await
}
