//! `sessions/mine`: the signed-in person's own enrolments, for « Mon espace ».

use leptos::prelude::*;

use crate::error::AppError;
use crate::sessions::types::MySessionLine;

#[server(endpoint = "sessions/mine")]
pub async fn my_sessions() -> Result<Vec<MySessionLine>, AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::sessions::service::view::mine(&state.db, &user).await
    })
    .await
}
