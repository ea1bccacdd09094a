//! Moves a module, a lesson, a resource or a question one place up or down
//! among its siblings.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MoveInput {
    /// "module", "lesson", "resource" or "question".
    pub target: String,
    pub id: i32,
    /// "up" or "down".
    pub direction: String,
}

#[server(endpoint = "authoring/move")]
pub async fn move_item(input: MoveInput) -> Result<(), AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let back = crate::authoring::service::arrange::shift(&state.db, input).await?;
        leptos_axum::redirect(&back);
        Ok(())
    })
    .await
}
