//! Deletes a module, a lesson or a quiz that nobody has used, once its
//! confirmation box is ticked (checked on the server); what has served is
//! archived instead.

use leptos::prelude::*;

use crate::authoring::types::RemovalInput;
use crate::error::AppError;

#[server(endpoint = "authoring/delete")]
pub async fn delete_content(input: RemovalInput) -> Result<(), AppError> {
    crate::http::respond(async move {
        let me = crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let back = crate::authoring::service::removal::delete(
            &state.db,
            &me,
            input.target,
            input.id,
            input.confirmed.as_deref(),
        )
        .await?;
        leptos_axum::redirect(&crate::forms::done(
            &back,
            crate::authoring::types::done::DELETED,
        ));
        Ok(())
    })
    .await
}
