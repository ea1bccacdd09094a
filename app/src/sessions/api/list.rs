//! `sessions/list`: upcoming sessions for everyone, visitors included,
//! filtered by module, mode and month, with the seats left.

use leptos::prelude::*;

use crate::error::AppError;
use crate::sessions::types::{ListFilter, SessionList};

#[server(endpoint = "sessions/list")]
pub async fn list_sessions(input: ListFilter) -> Result<SessionList, AppError> {
    crate::http::respond(async move {
        let state = crate::state::app_state()?;
        crate::sessions::service::view::list(&state.db, &input).await
    })
    .await
}
