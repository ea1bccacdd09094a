//! `assessment/edit_item`: add, reword, retag, remove or move one
//! self-assessment item (a new version once answers exist).

use leptos::prelude::*;

use crate::assessment::types::EditItemInput;
use crate::error::AppError;

#[server(endpoint = "assessment/edit_item")]
pub async fn edit_assessment_item(input: EditItemInput) -> Result<i32, AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        let user = crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let version = crate::assessment::service::edit::edit(&state.db, &user, &input).await?;
        // Without JavaScript the form comes back to the editor, which says what was saved.
        leptos_axum::redirect(&format!(
            "/sessions/{}/questionnaires/items?enregistre={}",
            input.session_id,
            input.action.code()
        ));
        Ok(version)
    })
    .await
}
