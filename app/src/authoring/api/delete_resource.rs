//! Removes a resource from its module.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "authoring/delete_resource")]
pub async fn delete_resource(resource_id: i32) -> Result<(), AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let module_id =
            crate::authoring::service::resources::delete(&state.db, resource_id).await?;
        leptos_axum::redirect(&crate::forms::done(
            &format!("/atelier/modules/{module_id}"),
            crate::authoring::types::done::RESOURCE_REMOVED,
        ));
        Ok(())
    })
    .await
}
