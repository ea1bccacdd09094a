//! `sessions/attendance`: the attendance parts of a session page for the
//! signed-in caller (the « Présences » table if they manage the session,
//! their own half-days if they are a confirmed learner). Nothing for
//! visitors, without an error, so the public page keeps its status.

use leptos::prelude::*;

use crate::attendance::types::SessionAttendance;
use crate::error::AppError;

#[server(endpoint = "sessions/attendance")]
pub async fn get_attendance(session_id: i32) -> Result<SessionAttendance, AppError> {
    crate::http::respond(async move {
        let Some(user) = crate::auth::current_user().await? else {
            return Ok(SessionAttendance {
                table: None,
                mine: None,
            });
        };
        let state = crate::state::app_state()?;
        crate::attendance::service::presence::session_attendance(
            &state.db,
            &user,
            session_id,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}
