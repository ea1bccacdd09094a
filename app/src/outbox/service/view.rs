//! The outbox as the coordinator reads it: counts by status, the failed
//! messages, the recent ones, and one message in full.

use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::db::entities::{email_attachments, email_outbox};
use crate::error::AppError;
use crate::mail::EmailStatus;
use crate::outbox::{OutboxMessage, OutboxRow, OutboxSummary};

fn row(m: email_outbox::Model) -> Result<OutboxRow, AppError> {
    let status = EmailStatus::from_code(&m.status).ok_or_else(|| {
        AppError::internal(anyhow::anyhow!("email {} has status {:?}", m.id, m.status))
    })?;
    Ok(OutboxRow {
        id: m.id,
        kind: m.kind,
        recipient: m.recipient,
        subject: m.subject,
        status,
        attempts: m.attempts,
        last_error: m.last_error,
        created_at: m.created_at,
        sent_at: m.sent_at,
    })
}

pub async fn summary(db: &DatabaseConnection) -> Result<OutboxSummary, AppError> {
    let mut counts = Vec::with_capacity(EmailStatus::ALL.len());
    for status in EmailStatus::ALL {
        let n = email_outbox::Entity::find()
            .filter(email_outbox::Column::Status.eq(status.as_str()))
            .count(db)
            .await?;
        counts.push((status, n));
    }
    let failed = email_outbox::Entity::find()
        .filter(email_outbox::Column::Status.eq(EmailStatus::Failed.as_str()))
        .order_by_desc(email_outbox::Column::Id)
        .limit(100)
        .all(db)
        .await?;
    let recent = email_outbox::Entity::find()
        .filter(email_outbox::Column::Status.ne(EmailStatus::Failed.as_str()))
        .order_by_desc(email_outbox::Column::Id)
        .limit(50)
        .all(db)
        .await?;
    Ok(OutboxSummary {
        counts,
        messages: failed
            .into_iter()
            .chain(recent)
            .map(row)
            .collect::<Result<_, _>>()?,
    })
}

pub async fn message(db: &DatabaseConnection, email_id: i32) -> Result<OutboxMessage, AppError> {
    let email = email_outbox::Entity::find_by_id(email_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let attachments = email_attachments::Entity::find()
        .filter(email_attachments::Column::EmailId.eq(email_id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.filename)
        .collect();
    // A link's secret is for its recipient, never for the reader of the outbox.
    let body_text = crate::mail::secrets::mask(&email.body_text).into_owned();
    Ok(OutboxMessage {
        row: row(email)?,
        body_text,
        attachments,
    })
}
