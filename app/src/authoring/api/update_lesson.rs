//! Saves a lesson's title, estimated time and Markdown text.

use leptos::prelude::*;

use crate::authoring::types::LessonUpdate;
use crate::error::AppError;

#[server(endpoint = "authoring/update_lesson")]
pub async fn update_lesson(input: LessonUpdate) -> Result<(), AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let id = input.id;
        crate::authoring::service::lessons::update(&state.db, input).await?;
        leptos_axum::redirect(&crate::forms::done(
            &format!("/atelier/lecons/{id}"),
            crate::authoring::types::done::SAVED,
        ));
        Ok(())
    })
    .await
}
