//! `sessions/update`: those who manage a session change it (its slots keep
//! their attendance when their day and half-day stay).

use leptos::prelude::*;

use crate::error::AppError;
use crate::sessions::types::SessionForm;

#[server(endpoint = "sessions/update")]
pub async fn update_session(input: SessionForm) -> Result<i32, AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        let user = crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let id = crate::sessions::service::save::update(&state.db, &user, &input).await?;
        leptos_axum::redirect(&format!("/sessions/{id}"));
        Ok(id)
    })
    .await
}
