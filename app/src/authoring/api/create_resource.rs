//! Adds a resource (link, document or local contact) at the end of a module's list.

use leptos::prelude::*;

use crate::authoring::types::NewResource;
use crate::error::AppError;

/// Returns the new resource's id.
#[server(endpoint = "authoring/create_resource")]
pub async fn create_resource(input: NewResource) -> Result<i32, AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let module_id = input.module_id;
        let id = crate::authoring::service::resources::create(&state.db, input).await?;
        leptos_axum::redirect(&crate::forms::done(
            &format!("/atelier/modules/{module_id}"),
            crate::authoring::types::done::RESOURCE_ADDED,
        ));
        Ok(id)
    })
    .await
}
