//! `sessions/delete`: a session nobody is enrolled in, without marks, is
//! deleted for good by its trainers or the coordinator, once the form's
//! confirmation box is ticked (checked here, on the server).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DeleteSessionInput {
    pub session_id: i32,
    /// [`crate::sessions::rules::changes::DELETE_CONFIRMATION`] when ticked.
    #[serde(default)]
    pub confirm: String,
}

#[server(endpoint = "sessions/delete")]
pub async fn delete_session(input: DeleteSessionInput) -> Result<(), AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        use crate::sessions::rules::changes::DELETE_CONFIRMATION;
        let user = crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let confirmed = input.confirm.trim() == DELETE_CONFIRMATION;
        crate::sessions::service::delete::delete(&state.db, &user, input.session_id, confirmed)
            .await?;
        leptos_axum::redirect("/sessions?supprimee=1");
        Ok(())
    })
    .await
}
