//! `outbox/message`: one message, its text and the names of its files.

use leptos::prelude::*;

use crate::error::AppError;
use crate::outbox::OutboxMessage;

#[server(endpoint = "outbox/message")]
pub async fn get_outbox_message(email_id: i32) -> Result<OutboxMessage, AppError> {
    crate::http::respond(async move {
        crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let db = &crate::state::app_state()?.db;
        crate::outbox::service::view::message(db, email_id).await
    })
    .await
}
