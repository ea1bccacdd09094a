//! Publishes or withdraws a module, a lesson or a quiz. Learners see only what
//! is published (see [`crate::visibility`]).

use leptos::prelude::*;

use crate::authoring::types::PublishInput;
use crate::error::AppError;

#[server(endpoint = "authoring/publish")]
pub async fn publish(input: PublishInput) -> Result<(), AppError> {
    crate::http::respond(async move {
        let me = crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let (target, id, published) = (input.target, input.id, input.published);
        let back = crate::authoring::service::arrange::publish(&state.db, input).await?;
        // Who made content visible to learners, or withdrew it, is kept.
        let action = if published { "published" } else { "withdrawn" };
        crate::audit::record(
            &state.db,
            Some(me.id),
            action,
            Some((target.code(), id)),
            None,
        )
        .await?;
        let notice = if published {
            crate::authoring::types::done::PUBLISHED
        } else {
            crate::authoring::types::done::WITHDRAWN
        };
        leptos_axum::redirect(&crate::forms::done(&back, notice));
        Ok(())
    })
    .await
}
