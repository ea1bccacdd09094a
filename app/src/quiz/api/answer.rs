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
    /// The button that sent the form (« Enregistrer » when none says).
    #[serde(default)]
    pub action: AttemptAction,
    /// Field name → value, named as in [`crate::quiz::rules::form`].
    #[serde(default)]
    pub answers: HashMap<String, String>,
}

/// The two buttons of an attempt's form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttemptAction {
    /// « Enregistrer sans envoyer »; also a form sent with Enter, no button named.
    #[default]
    #[serde(rename = "save", alias = "")]
    Save,
    /// « Envoyer mes réponses ».
    #[serde(rename = "submit")]
    Submit,
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
        let submit = input.action == AttemptAction::Submit;
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
