//! `accounts/list_structures`: the partner structures one may choose at
//! sign-up (public, reviewed ones only).

use leptos::prelude::*;

use crate::accounts::StructureOption;
use crate::error::AppError;

#[server(endpoint = "accounts/list_structures")]
pub async fn list_structures() -> Result<Vec<StructureOption>, AppError> {
    crate::http::respond(async {
        let state = crate::state::app_state()?;
        crate::accounts::service::structures::reviewed(&state.db).await
    })
    .await
}
