//! `accounts/confirm_erasure`: the coordinator anonymises an account whose
//! owner asked for it.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "accounts/confirm_erasure")]
pub async fn confirm_erasure(user_id: i32) -> Result<(), AppError> {
    crate::http::respond(async move {
        let me = crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        if crate::accounts::service::erasure::confirm(&state.db, &me, user_id).await? {
            leptos_axum::redirect("/coordination/comptes");
        }
        Ok(())
    })
    .await
}
