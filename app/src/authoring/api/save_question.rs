//! Creates a question (no id) or updates one, its answers typed one per line
//! (see [`crate::authoring::rules::answers_format`]).

use leptos::prelude::*;

use crate::authoring::types::QuestionInput;
use crate::error::AppError;

#[server(endpoint = "authoring/save_question")]
pub async fn save_question(input: QuestionInput) -> Result<(), AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let quiz_id = crate::authoring::service::questions::save(&state.db, input).await?;
        leptos_axum::redirect(&crate::forms::done(
            &format!("/atelier/quiz/{quiz_id}"),
            crate::authoring::types::done::QUESTION_SAVED,
        ));
        Ok(())
    })
    .await
}
