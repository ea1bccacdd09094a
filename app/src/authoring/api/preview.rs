//! The live preview of a lesson: Markdown rendered and sanitised on the server,
//! exactly as learners will get it (the renderer is server-only).

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "authoring/preview")]
pub async fn preview_lesson(markdown: String) -> Result<String, AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let body = crate::authoring::service::lessons::body(&markdown)?;
        Ok(crate::catalogue::rules::markdown::render(&body))
    })
    .await
}
