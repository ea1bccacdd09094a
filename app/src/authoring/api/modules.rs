//! Every module, drafts included, for the workshop's front page.

use leptos::prelude::*;

use crate::authoring::types::ModuleRow;
use crate::error::AppError;

#[server(endpoint = "authoring/modules")]
pub async fn all_modules() -> Result<Vec<ModuleRow>, AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        crate::authoring::service::modules::list(&state.db).await
    })
    .await
}
