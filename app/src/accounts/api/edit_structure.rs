//! `accounts/edit_structure`: the coordinator corrects a structure's name,
//! sector and city.

use leptos::prelude::*;

use crate::accounts::StructureEdit;
use crate::error::AppError;

#[server(endpoint = "accounts/edit_structure")]
pub async fn edit_structure(input: StructureEdit) -> Result<(), AppError> {
    crate::http::respond(async move {
        let me = crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::accounts::service::structure_edit::edit(&state.db, &me, input).await?;
        leptos_axum::redirect("/coordination/structures?modifiee=1");
        Ok(())
    })
    .await
}
