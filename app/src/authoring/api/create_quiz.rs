//! « Nouveau quiz »: a draft of the module, its settings and questions written on its own page.

use leptos::prelude::*;

use crate::authoring::types::NewQuiz;
use crate::error::AppError;

/// Returns the new quiz's id (and sends the browser to its page).
#[server(endpoint = "authoring/create_quiz")]
pub async fn create_quiz(input: NewQuiz) -> Result<i32, AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let id = crate::authoring::service::quizzes::create(&state.db, input).await?;
        leptos_axum::redirect(&crate::forms::done(
            &format!("/atelier/quiz/{id}"),
            crate::authoring::types::done::CREATED,
        ));
        Ok(id)
    })
    .await
}
