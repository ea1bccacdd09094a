//! « J’ai terminé cette leçon » (or back to not done), for the caller only.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MarkInput {
    pub lesson_id: i32,
    pub done: bool,
}

#[server(endpoint = "catalogue/mark_lesson")]
pub async fn mark_lesson(input: MarkInput) -> Result<(), AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::catalogue::service::lessons::mark_lesson(
            &state.db,
            &user,
            input.lesson_id,
            input.done,
        )
        .await?;
        Ok(())
    })
    .await
}
