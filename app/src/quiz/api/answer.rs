//! Saves the answers of an open attempt, or submits it (button « Envoyer mes
//! réponses », `action=submit`). Submitting twice is refused; after the time
//! limit nothing new is stored and the attempt closes.

use std::collections::HashMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AnswerInput {
    pub attempt_id: i32,
    /// "save" or "submit": the button that sent the form.
    #[serde(default)]
    pub action: String,
    /// Field name → value, named as in [`crate::quiz::rules::form`].
    #[serde(default)]
    pub answers: HashMap<String, String>,
}

/// What the learner is told once the form is processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerOutcome {
    Saved,
    Submitted,
    TimedOut,
}

#[server(endpoint = "quiz/answer_attempt")]
pub async fn answer_attempt(input: AnswerInput) -> Result<AnswerOutcome, AppError> {
    crate::http::respond(async move {
        use crate::quiz::service::saving::{Outcome, answer};
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        let submit = match input.action.as_str() {
            "submit" => true,
            "save" | "" => false,
            _ => return Err(AppError::invalid("Action inconnue.")),
        };
        let outcome = answer(&state.db, &user, input.attempt_id, &input.answers, submit).await?;
        if outcome != Outcome::Saved {
            leptos_axum::redirect(&format!("/quiz/tentatives/{}", input.attempt_id));
        }
        Ok(match outcome {
            Outcome::Saved => AnswerOutcome::Saved,
            Outcome::Submitted => AnswerOutcome::Submitted,
            Outcome::TimedOut => AnswerOutcome::TimedOut,
        })
    })
    .await
}
