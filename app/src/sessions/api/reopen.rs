//! `sessions/reopen`: a cancelled session whose last half-day has not ended
//! takes place after all (its trainers or the coordinator, with a reason);
//! everyone still enrolled is told by email.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReopenSessionInput {
    pub session_id: i32,
    #[serde(default)]
    pub reason: String,
}

#[server(endpoint = "sessions/reopen")]
pub async fn reopen_session(input: ReopenSessionInput) -> Result<(), AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        let user = crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::sessions::service::reopen::reopen(&state.db, &user, input.session_id, &input.reason)
            .await?;
        leptos_axum::redirect(&format!("/sessions/{}?retablie=1", input.session_id));
        Ok(())
    })
    .await
}
