//! A quiz's settings and its questions WITH their answers: for authors only,
//! never for learners (who get [`crate::quiz::api::quiz_overview`]).

use leptos::prelude::*;

use crate::authoring::types::QuizOutline;
use crate::error::AppError;

#[server(name = GetQuizOutline, endpoint = "authoring/quiz")]
pub async fn quiz_outline(quiz_id: i32) -> Result<QuizOutline, AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        crate::authoring::service::quizzes::outline(&state.db, quiz_id).await
    })
    .await
}
