//! `accounts/review_structure`: the coordinator validates a structure typed in
//! at sign-up.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "accounts/review_structure")]
pub async fn review_structure(structure_id: i32) -> Result<(), AppError> {
    crate::http::respond(async move {
        let me = crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::accounts::service::structures::review(&state.db, &me, structure_id).await?;
        leptos_axum::redirect("/coordination/structures?validee=1");
        Ok(())
    })
    .await
}
