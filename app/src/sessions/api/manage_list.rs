//! `sessions/manage_list`: the sessions a trainer teaches, or every session
//! for the coordinator.

use leptos::prelude::*;

use crate::error::AppError;
use crate::sessions::types::SessionSummary;

#[server(endpoint = "sessions/manage_list")]
pub async fn manage_sessions() -> Result<Vec<SessionSummary>, AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        let user = crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::sessions::service::view::manage_list(&state.db, &user).await
    })
    .await
}
