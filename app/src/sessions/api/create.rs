//! `sessions/create`: trainers and the coordinator plan a session; a trainer
//! who creates one teaches it.

use leptos::prelude::*;

use crate::error::AppError;
use crate::sessions::types::SessionForm;

#[server(endpoint = "sessions/create")]
pub async fn create_session(input: SessionForm) -> Result<i32, AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        let user = crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let id = crate::sessions::service::save::create(&state.db, &user, &input).await?;
        leptos_axum::redirect(&format!("/sessions/{id}"));
        Ok(id)
    })
    .await
}
