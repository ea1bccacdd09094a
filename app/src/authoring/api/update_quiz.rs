//! A quiz's settings: title, pass mark, attempts, time limit, shuffling.

use leptos::prelude::*;

use crate::authoring::types::QuizUpdate;
use crate::error::AppError;

#[server(endpoint = "authoring/update_quiz")]
pub async fn update_quiz(input: QuizUpdate) -> Result<(), AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let id = input.id;
        crate::authoring::service::quizzes::update(&state.db, input).await?;
        leptos_axum::redirect(&crate::forms::done(
            &format!("/atelier/quiz/{id}"),
            crate::authoring::types::done::SAVED,
        ));
        Ok(())
    })
    .await
}
