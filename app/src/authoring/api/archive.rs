//! Archives a module, a lesson or a quiz (hidden from learners and from new
//! sessions, everything done with it kept), or restores it as a draft.

use leptos::prelude::*;

use crate::authoring::types::ArchiveInput;
use crate::error::AppError;

#[server(endpoint = "authoring/archive")]
pub async fn archive_content(input: ArchiveInput) -> Result<(), AppError> {
    crate::http::respond(async move {
        let me = crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let back = crate::authoring::service::removal::archive(
            &state.db,
            &me,
            input.target,
            input.id,
            input.archived,
        )
        .await?;
        let notice = if input.archived {
            crate::authoring::types::done::ARCHIVED
        } else {
            crate::authoring::types::done::RESTORED
        };
        leptos_axum::redirect(&crate::forms::done(&back, notice));
        Ok(())
    })
    .await
}
