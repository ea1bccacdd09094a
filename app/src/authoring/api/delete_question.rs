//! Deletes a question nobody has answered yet.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "authoring/delete_question")]
pub async fn delete_question(question_id: i32) -> Result<(), AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let quiz_id = crate::authoring::service::questions::delete(&state.db, question_id).await?;
        leptos_axum::redirect(&crate::forms::done(
            &format!("/atelier/quiz/{quiz_id}"),
            crate::authoring::types::done::QUESTION_DELETED,
        ));
        Ok(())
    })
    .await
}
