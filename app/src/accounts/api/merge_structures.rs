//! `accounts/merge_structures`: the coordinator merges a structure into
//! another, once they have ticked the box saying it is final.

use leptos::prelude::*;

use crate::accounts::StructureMerge;
use crate::error::AppError;

#[server(endpoint = "accounts/merge_structures")]
pub async fn merge_structures(input: StructureMerge) -> Result<(), AppError> {
    crate::http::respond(async move {
        let me = crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        crate::confirm::check_confirmed(input.confirmed.as_deref())?;
        let state = crate::state::app_state()?;
        crate::accounts::service::structure_merge::merge(&state.db, &me, &input).await?;
        leptos_axum::redirect("/coordination/structures?fusionnee=1");
        Ok(())
    })
    .await
}
