//! One module with its objectives, lessons, resources and quizzes, drafts included.

use leptos::prelude::*;

use crate::authoring::types::ModuleOutline;
use crate::error::AppError;

#[server(name = GetModuleOutline, endpoint = "authoring/module")]
pub async fn module_outline(module_id: i32) -> Result<ModuleOutline, AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        crate::authoring::service::modules::outline(&state.db, module_id).await
    })
    .await
}
