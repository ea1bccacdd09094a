//! `sessions/form_options`: the modules and trainer accounts the session form offers.

use leptos::prelude::*;

use crate::error::AppError;
use crate::sessions::types::FormOptions;

#[server(endpoint = "sessions/form_options")]
pub async fn session_form_options() -> Result<FormOptions, AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::sessions::service::view::form_options(&state.db).await
    })
    .await
}
