//! `sessions/detail`: one session for anyone; the caller's own enrolment if
//! signed in; the roster and edit form only for those who manage it.

use leptos::prelude::*;

use crate::error::AppError;
use crate::sessions::types::SessionDetail;

#[server(endpoint = "sessions/detail")]
pub async fn get_session(session_id: i32) -> Result<SessionDetail, AppError> {
    crate::http::respond(async move {
        let user = crate::auth::current_user().await?;
        let state = crate::state::app_state()?;
        crate::sessions::service::detail::detail(&state.db, user.as_ref(), session_id).await
    })
    .await
}
