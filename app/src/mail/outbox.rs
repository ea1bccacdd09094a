//! Queuing a message: one row in `email_outbox`, keyed by an idempotency key
//! so that a double click or a retry never queues the same message twice.

use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait, sea_query::OnConflict};

use crate::db::entities::email_outbox;
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
}

/// Queues `email` unless a message with the same key exists; returns whether it was queued.
pub async fn queue(db: &impl ConnectionTrait, email: NewEmail) -> Result<bool, AppError> {
    let now = chrono::Utc::now();
    let row = email_outbox::ActiveModel {
        idempotency_key: Set(email.idempotency_key),
        kind: Set(email.kind.to_owned()),
        recipient: Set(email.recipient),
        subject: Set(email.subject),
        body_text: Set(email.body_text),
        body_html: Set(email.body_html),
        status: Set("queued".to_owned()),
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
    Ok(inserted > 0)
}
