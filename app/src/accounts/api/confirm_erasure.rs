//! `accounts/confirm_erasure`: the coordinator anonymises an account whose
//! owner asked for it, once they have ticked the box saying it is final.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "accounts/confirm_erasure")]
pub async fn confirm_erasure(user_id: i32, confirmed: Option<String>) -> Result<(), AppError> {
    crate::http::respond(async move {
        let me = crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        crate::confirm::check_confirmed(confirmed.as_deref())?;
        let state = crate::state::app_state()?;
        if crate::privacy::service::erasure::confirm(&state.db, &me, user_id).await? {
            leptos_axum::redirect("/coordination/comptes?efface=1");
        }
        Ok(())
    })
    .await
}
