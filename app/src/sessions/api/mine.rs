//! `sessions/mine`: the signed-in person's own enrolments, for « Mon espace ».
//! A visitor has none: the list is empty (the page asks before knowing who is there).

use leptos::prelude::*;

use crate::error::AppError;
use crate::sessions::types::MySessionLine;

#[server(endpoint = "sessions/mine")]
pub async fn my_sessions() -> Result<Vec<MySessionLine>, AppError> {
    crate::http::respond(async move {
        let Some(user) = crate::auth::current_user().await? else {
            return Ok(Vec::new());
        };
        let state = crate::state::app_state()?;
        crate::sessions::service::view::mine(&state.db, &user).await
    })
    .await
}
