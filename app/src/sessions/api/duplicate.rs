//! `sessions/duplicate`: a new planned session copied from one the caller
//! manages, opened for editing.

use leptos::prelude::*;

use super::SessionRef;
use crate::error::AppError;

#[server(endpoint = "sessions/duplicate")]
pub async fn duplicate_session(input: SessionRef) -> Result<i32, AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        let user = crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let id =
            crate::sessions::service::save::duplicate(&state.db, &user, input.session_id).await?;
        leptos_axum::redirect(&format!("/sessions/{id}/modifier"));
        Ok(id)
    })
    .await
}
