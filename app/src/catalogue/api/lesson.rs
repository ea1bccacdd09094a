//! A lesson to read, rendered on the server; for signed-in people.

use leptos::prelude::*;

use crate::catalogue::types::LessonPage;
use crate::error::AppError;

#[server(endpoint = "catalogue/lesson")]
pub async fn get_lesson(slug: String, lesson_id: i32) -> Result<LessonPage, AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::catalogue::service::lessons::lesson_page(&state.db, &slug, lesson_id, &user).await
    })
    .await
}
