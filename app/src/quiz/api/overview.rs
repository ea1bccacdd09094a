//! A quiz's rules and the caller's own attempts.

use leptos::prelude::*;

use crate::error::AppError;
use crate::quiz::types::QuizOverview;

#[server(name = QuizOverviewFn, endpoint = "quiz/overview")]
pub async fn quiz_overview(quiz_id: i32) -> Result<QuizOverview, AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::quiz::service::attempts::overview(&state.db, &user, quiz_id).await
    })
    .await
}
