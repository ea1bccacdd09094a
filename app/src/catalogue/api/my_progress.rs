//! « Ma progression »: for each published module, the caller's lessons done and
//! best quiz score.

use leptos::prelude::*;

use crate::catalogue::types::ModuleProgress;
use crate::error::AppError;

#[server(endpoint = "catalogue/my_progress")]
pub async fn my_progress() -> Result<Vec<ModuleProgress>, AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::catalogue::progress::my_progress(&state.db, &user).await
    })
    .await
}
