//! `sessions/cancel`: a session is called off, with its reason (kept and shown).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CancelSessionInput {
    pub session_id: i32,
    #[serde(default)]
    pub reason: String,
}

#[server(endpoint = "sessions/cancel")]
pub async fn cancel_session(input: CancelSessionInput) -> Result<(), AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        let user = crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::sessions::service::save::cancel(&state.db, &user, input.session_id, &input.reason)
            .await?;
        leptos_axum::redirect(&format!("/sessions/{}", input.session_id));
        Ok(())
    })
    .await
}
