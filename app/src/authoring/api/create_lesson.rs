//! « Nouvelle leçon »: a draft, last of its module, written on its own page.

use leptos::prelude::*;

use crate::authoring::types::NewLesson;
use crate::error::AppError;

/// Returns the new lesson's id (and sends the browser to its page).
#[server(endpoint = "authoring/create_lesson")]
pub async fn create_lesson(input: NewLesson) -> Result<i32, AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let id = crate::authoring::service::lessons::create(&state.db, input).await?;
        leptos_axum::redirect(&crate::forms::done(
            &format!("/atelier/lecons/{id}"),
            crate::authoring::types::done::CREATED,
        ));
        Ok(id)
    })
    .await
}
