//! Saves a lesson's title, estimated time and Markdown text.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LessonUpdate {
    pub id: i32,
    pub title: String,
    pub estimated_minutes: String,
    #[serde(default)]
    pub body_markdown: String,
}

#[server(endpoint = "authoring/update_lesson")]
pub async fn update_lesson(input: LessonUpdate) -> Result<(), AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let id = input.id;
        crate::authoring::service::lessons::update(&state.db, input).await?;
        leptos_axum::redirect(&format!("/atelier/lecons/{id}"));
        Ok(())
    })
    .await
}
