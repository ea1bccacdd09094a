//! A module's fields and objectives (one objective per line). The slug stays:
//! links already shared keep working.

use leptos::prelude::*;

use crate::authoring::types::ModuleUpdate;
use crate::error::AppError;

#[server(endpoint = "authoring/update_module")]
pub async fn update_module(input: ModuleUpdate) -> Result<(), AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let id = input.id;
        crate::authoring::service::modules::update(&state.db, input).await?;
        leptos_axum::redirect(&crate::forms::done(
            &format!("/atelier/modules/{id}"),
            crate::authoring::types::done::SAVED,
        ));
        Ok(())
    })
    .await
}
