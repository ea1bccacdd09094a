//! `outbox/summary`: the counts by status, the failed messages, then the
//! others 50 a page (`before`: the id of the last message of the page
//! before, none for the first page).

use leptos::prelude::*;

use crate::error::AppError;
use crate::outbox::OutboxSummary;

#[server(endpoint = "outbox/summary")]
pub async fn get_outbox_summary(before: Option<String>) -> Result<OutboxSummary, AppError> {
    crate::http::respond(async move {
        crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let before = crate::params::optional_number(
            before.as_deref(),
            "Cette page de la liste des courriels n’existe pas.",
        )?;
        let db = &crate::state::app_state()?.db;
        crate::outbox::service::view::summary(db, before).await
    })
    .await
}
