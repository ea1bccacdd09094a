//! Moves a module, a lesson, a resource or a question one place up or down
//! among its siblings.

use leptos::prelude::*;

use crate::authoring::types::MoveInput;
use crate::error::AppError;

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
