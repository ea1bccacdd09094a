//! Queuing a message: one row in `email_outbox`, keyed by an idempotency key
//! so that a double click or a retry never queues the same message twice,
//! and its files in `email_attachments`. Call it inside the transaction that
//! makes the message true, so the worker never sees a row without its files.

#![cfg(feature = "ssr")]

use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect,
    sea_query::OnConflict,
};

use super::EmailStatus;
use crate::db::entities::{email_attachments, email_outbox};
use crate::error::AppError;

#[derive(Debug, Clone)]
pub struct NewEmail {
    /// One logical message, e.g. `password_reset:42`.
    pub idempotency_key: String,
    pub kind: &'static str,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub attachments: Vec<NewAttachment>,
}

/// A file sent with a message, e.g. a calendar invitation.
#[derive(Debug, Clone)]
pub struct NewAttachment {
    pub filename: String,
    pub content_type: String,
    pub content: Vec<u8>,
}

/// Queues `email` unless a message with the same key exists; returns whether it was queued.
pub async fn queue(db: &impl ConnectionTrait, email: NewEmail) -> Result<bool, AppError> {
    let now = chrono::Utc::now();
    let key = email.idempotency_key.clone();
    let row = email_outbox::ActiveModel {
        idempotency_key: Set(email.idempotency_key),
        kind: Set(email.kind.to_owned()),
        recipient: Set(email.recipient),
        subject: Set(email.subject),
        body_text: Set(email.body_text),
        body_html: Set(email.body_html),
        status: Set(EmailStatus::Queued.as_str().to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    };
    let inserted = email_outbox::Entity::insert(row)
        .on_conflict(
            OnConflict::column(email_outbox::Column::IdempotencyKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    if inserted == 0 {
        return Ok(false);
    }
    if !email.attachments.is_empty() {
        let email_id: i32 = email_outbox::Entity::find()
            .select_only()
            .column(email_outbox::Column::Id)
            .filter(email_outbox::Column::IdempotencyKey.eq(key))
            .into_tuple()
            .one(db)
            .await?
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("queued email vanished")))?;
        let files = email
            .attachments
            .into_iter()
            .map(|a| email_attachments::ActiveModel {
                email_id: Set(email_id),
                filename: Set(a.filename),
                content_type: Set(a.content_type),
                content: Set(a.content),
                ..Default::default()
            });
        email_attachments::Entity::insert_many(files)
            .exec_without_returning(db)
            .await?;
    }
    Ok(true)
}

/// Which of `keys` are already queued, so that a scheduled run builds only
/// the messages it has not queued before.
pub async fn queued_keys(
    db: &impl ConnectionTrait,
    keys: impl IntoIterator<Item = String>,
) -> Result<std::collections::HashSet<String>, AppError> {
    Ok(email_outbox::Entity::find()
        .select_only()
        .column(email_outbox::Column::IdempotencyKey)
        .filter(email_outbox::Column::IdempotencyKey.is_in(keys))
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect())
}
