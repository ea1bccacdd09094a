//! `accounts/retire_structure`: the coordinator retires a structure (no longer
//! offered, kept for history) or restores it.

use leptos::prelude::*;

use crate::accounts::StructureRetirement;
use crate::error::AppError;

#[server(endpoint = "accounts/retire_structure")]
pub async fn retire_structure(input: StructureRetirement) -> Result<(), AppError> {
    crate::http::respond(async move {
        let me = crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let retired = input.retired;
        crate::accounts::service::structure_edit::set_retired(&state.db, &me, input).await?;
        leptos_axum::redirect(if retired {
            "/coordination/structures?retiree=1"
        } else {
            "/coordination/structures?restauree=1"
        });
        Ok(())
    })
    .await
}
