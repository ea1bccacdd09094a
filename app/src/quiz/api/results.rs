//! A quiz's results for trainers (their cohorts) and the coordinator (everyone),
//! for one year (`annee`, none: this year), a page of learners at a time
//! (`after`: the id of the last learner of the page before).

use leptos::prelude::*;

use crate::error::AppError;
use crate::quiz::types::QuizResults;

#[server(name = QuizResultsFn, endpoint = "quiz/results")]
pub async fn quiz_results(
    quiz_id: i32,
    annee: Option<String>,
    after: Option<String>,
) -> Result<QuizResults, AppError> {
    crate::http::respond(async move {
        use crate::quiz::service::results::{Page, quiz_results};
        use crate::roles::Role;
        let user = crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        use crate::params::optional_number;
        use crate::quiz::types::{NO_SUCH_PAGE, NO_SUCH_YEAR};
        let year = optional_number(annee.as_deref(), NO_SUCH_YEAR)?;
        let after = optional_number(after.as_deref(), NO_SUCH_PAGE)?;
        let state = crate::state::app_state()?;
        let now = chrono::Utc::now();
        quiz_results(&state.db, &user, quiz_id, year, Page::After(after), now).await
    })
    .await
}
