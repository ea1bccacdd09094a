//! `assessment/editor`: the self-assessment items of a session's module, for
//! its trainers and the coordinator.

use leptos::prelude::*;

use crate::assessment::types::EditorView;
use crate::error::AppError;

#[server(endpoint = "assessment/editor")]
pub async fn assessment_editor(session_id: i32) -> Result<EditorView, AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        let user = crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::assessment::service::edit::editor(&state.db, &user, session_id).await
    })
    .await
}
