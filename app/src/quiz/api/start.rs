//! Starts an attempt (or resumes the open one) and opens it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StartInput {
    pub quiz_id: i32,
}

#[server(endpoint = "quiz/start_attempt")]
pub async fn start_attempt(input: StartInput) -> Result<i32, AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        let id = crate::quiz::service::attempts::start(&state.db, &user, input.quiz_id).await?;
        leptos_axum::redirect(&format!("/quiz/tentatives/{id}"));
        Ok(id)
    })
    .await
}
