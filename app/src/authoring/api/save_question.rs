//! Creates a question (no id) or updates one, its answers typed one per line
//! (see [`crate::authoring::answers_format`]).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QuestionInput {
    pub quiz_id: i32,
    /// Absent for a new question.
    #[serde(default)]
    pub id: Option<i32>,
    /// A [`crate::quiz::grading::QuestionKind`] code.
    pub kind: String,
    pub prompt: String,
    #[serde(default)]
    pub feedback: String,
    /// An objective of the quiz's module, or empty.
    #[serde(default)]
    pub objective_id: String,
    pub points: String,
    pub answers: String,
}

#[server(endpoint = "authoring/save_question")]
pub async fn save_question(input: QuestionInput) -> Result<(), AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let quiz_id = crate::authoring::service::questions::save(&state.db, input).await?;
        leptos_axum::redirect(&format!("/atelier/quiz/{quiz_id}"));
        Ok(())
    })
    .await
}
