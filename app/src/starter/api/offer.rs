//! `starter/offer`: whether « Les formations » offers the caller to install the
//! starter content (the coordinator, on an empty catalogue); false for anyone else.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "starter/offer")]
pub async fn starter_offer() -> Result<bool, AppError> {
    crate::http::respond(async move {
        let coordinator = crate::auth::current_user()
            .await?
            .is_some_and(|u| u.role == crate::roles::Role::Coordinator);
        if !coordinator {
            return Ok(false);
        }
        let state = crate::state::app_state()?;
        crate::starter::service::offered(&state.db).await
    })
    .await
}
