//! « Ma progression »: for each published module, the caller's lessons done and
//! best quiz score. A visitor has no progress: the list is empty (so that the
//! page can ask before knowing who is there, without turning into an error).

use leptos::prelude::*;

use crate::catalogue::types::ModuleProgress;
use crate::error::AppError;

#[server(endpoint = "catalogue/my_progress")]
pub async fn my_progress() -> Result<Vec<ModuleProgress>, AppError> {
    crate::http::respond(async move {
        let Some(user) = crate::auth::current_user().await? else {
            return Ok(Vec::new());
        };
        let state = crate::state::app_state()?;
        crate::catalogue::service::progress::my_progress(&state.db, &user).await
    })
    .await
}
