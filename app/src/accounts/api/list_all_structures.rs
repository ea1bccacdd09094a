//! `accounts/list_all_structures`: every partner structure, for the coordinator.

use leptos::prelude::*;

use crate::accounts::StructureRow;
use crate::error::AppError;

#[server(endpoint = "accounts/list_all_structures")]
pub async fn list_all_structures() -> Result<Vec<StructureRow>, AppError> {
    crate::http::respond(async {
        crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::accounts::service::structures::all(&state.db).await
    })
    .await
}
