//! One of the caller's attempts: the questions while it is open, the result
//! (with answers and feedback) once submitted. Someone else's attempt is « not found ».

use leptos::prelude::*;

use crate::error::AppError;
use crate::quiz::types::AttemptView;

#[server(endpoint = "quiz/attempt")]
pub async fn get_attempt(attempt_id: i32) -> Result<AttemptView, AppError> {
    crate::http::respond(ssr::get_attempt(attempt_id)).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::error::AppError;
    use crate::quiz::service::{attempts, data, outcome, stored};
    use crate::quiz::types::AttemptView;

    pub async fn get_attempt(attempt_id: i32) -> Result<AttemptView, AppError> {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        let attempt = stored::owned(&state.db, &user, attempt_id).await?;
        // Opening an attempt past its time limit closes it first.
        attempts::overview(&state.db, &user, attempt.quiz_id).await?;
        let attempt = stored::owned(&state.db, &user, attempt_id).await?;
        let data = data::load(&state.db, attempt.quiz_id).await?;
        if attempt.submitted_at.is_some() {
            Ok(AttemptView::Closed(
                outcome::result(&state.db, &data, &attempt).await?,
            ))
        } else {
            Ok(AttemptView::Open(
                attempts::sheet(&state.db, &data, &attempt).await?,
            ))
        }
    }
}
