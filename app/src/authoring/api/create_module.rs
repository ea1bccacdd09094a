//! « Nouveau module »: a draft, last in the catalogue, its slug made from its title.

use leptos::prelude::*;

use crate::authoring::types::NewModule;
use crate::error::AppError;

/// Returns the new module's id (and sends the browser to its page).
#[server(endpoint = "authoring/create_module")]
pub async fn create_module(input: NewModule) -> Result<i32, AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let id = crate::authoring::service::modules::create(&state.db, input).await?;
        leptos_axum::redirect(&crate::forms::done(
            &format!("/atelier/modules/{id}"),
            crate::authoring::types::done::CREATED,
        ));
        Ok(id)
    })
    .await
}
