//! A quiz's settings: title, pass mark, attempts, time limit, shuffling.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QuizUpdate {
    pub id: i32,
    pub title: String,
    pub pass_mark_percent: String,
    /// Empty: unlimited.
    #[serde(default)]
    pub max_attempts: String,
    /// Empty: no time limit.
    #[serde(default)]
    pub time_limit_minutes: String,
    /// A checkbox: absent when unticked.
    #[serde(default)]
    pub shuffle: bool,
}

#[server(endpoint = "authoring/update_quiz")]
pub async fn update_quiz(input: QuizUpdate) -> Result<(), AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let id = input.id;
        crate::authoring::service::quizzes::update(&state.db, input).await?;
        leptos_axum::redirect(&format!("/atelier/quiz/{id}"));
        Ok(())
    })
    .await
}
