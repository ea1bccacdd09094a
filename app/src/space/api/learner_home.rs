//! `space/learner_home`: the caller's next sessions and waiting quizzes.
//! A visitor has none: the home is empty (the page asks before knowing who is there).

use leptos::prelude::*;

use crate::error::AppError;
use crate::space::types::LearnerHome;

#[server(endpoint = "space/learner_home")]
pub async fn load_learner_home() -> Result<LearnerHome, AppError> {
    crate::http::respond(async move {
        let Some(user) = crate::auth::current_user().await? else {
            return Ok(LearnerHome::default());
        };
        let state = crate::state::app_state()?;
        crate::space::service::learner::home(&state.db, &user, chrono::Utc::now()).await
    })
    .await
}
