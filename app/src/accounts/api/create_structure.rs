//! `accounts/create_structure`: the coordinator adds a partner structure.

use leptos::prelude::*;

use crate::accounts::NewStructureForm;
use crate::error::AppError;

#[server(endpoint = "accounts/create_structure")]
pub async fn create_structure(input: NewStructureForm) -> Result<(), AppError> {
    crate::http::respond(async move {
        let me = crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::accounts::service::structures::create(&state.db, &me, input).await?;
        leptos_axum::redirect("/coordination/structures?ajoutee=1");
        Ok(())
    })
    .await
}
