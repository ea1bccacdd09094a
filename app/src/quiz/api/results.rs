//! A quiz's results for trainers (their cohorts) and the coordinator (everyone).

use leptos::prelude::*;

use crate::error::AppError;
use crate::quiz::types::QuizResults;

#[server(name = QuizResultsFn, endpoint = "quiz/results")]
pub async fn quiz_results(quiz_id: i32) -> Result<QuizResults, AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        let user = crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::quiz::service::results::quiz_results(&state.db, &user, quiz_id).await
    })
    .await
}
