//! `outbox/summary`: the counts by status, the failed messages, then the recent ones.

use leptos::prelude::*;

use crate::error::AppError;
use crate::outbox::OutboxSummary;

#[server(endpoint = "outbox/summary")]
pub async fn get_outbox_summary() -> Result<OutboxSummary, AppError> {
    crate::http::respond(async {
        crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let db = &crate::state::app_state()?.db;
        crate::outbox::service::view::summary(db).await
    })
    .await
}
