//! A lesson being written: its fields, its Markdown and the preview of what is saved.

use leptos::prelude::*;

use crate::authoring::types::LessonDraft;
use crate::error::AppError;

#[server(name = GetLessonDraft, endpoint = "authoring/lesson")]
pub async fn lesson_draft(lesson_id: i32) -> Result<LessonDraft, AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        crate::authoring::service::lessons::draft(&state.db, lesson_id).await
    })
    .await
}
