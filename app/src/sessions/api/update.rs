//! `sessions/update`: those who manage a session change it; half-days with
//! attendance marks may be neither removed nor moved, and a held session is
//! corrected by the coordinator only, with a reason.

use leptos::prelude::*;

use crate::error::AppError;
use crate::sessions::types::SessionForm;

#[server(endpoint = "sessions/update")]
pub async fn update_session(input: SessionForm) -> Result<i32, AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        let user = crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let edited = crate::sessions::service::edit::update(&state.db, &user, &input).await?;
        let notice = if edited.corrected {
            "corrigee"
        } else {
            "modifiee"
        };
        leptos_axum::redirect(&format!("/sessions/{}?{notice}=1", edited.id));
        Ok(edited.id)
    })
    .await
}
