//! The outbox as the coordinator reads it: counts by status, the failed
//! messages, the others 50 a page newest first, and one message in full.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

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

/// Messages per page of « Courriels ».
pub const MESSAGES_PER_PAGE: u64 = 50;

/// The counts by status; on the first page the failed messages (at most 100)
/// then the 50 latest others; on a later page the 50 others sent before the
/// message `before` (by keyset on the id, newest first).
pub async fn summary(
    db: &DatabaseConnection,
    before: Option<i32>,
) -> Result<OutboxSummary, AppError> {
    let by_status: HashMap<String, i64> = email_outbox::Entity::find()
        .select_only()
        .column(email_outbox::Column::Status)
        .column_as(email_outbox::Column::Id.count(), "n")
        .group_by(email_outbox::Column::Status)
        .into_tuple::<(String, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let counts = EmailStatus::ALL
        .into_iter()
        .map(|status| {
            let n = by_status.get(status.as_str()).copied().unwrap_or(0);
            (status, u64::try_from(n).unwrap_or(0))
        })
        .collect();
    let failed = if before.is_none() {
        email_outbox::Entity::find()
            .filter(email_outbox::Column::Status.eq(EmailStatus::Failed.as_str()))
            .order_by_desc(email_outbox::Column::Id)
            .limit(100)
            .all(db)
            .await?
    } else {
        Vec::new()
    };
    let mut recent = email_outbox::Entity::find()
        .filter(email_outbox::Column::Status.ne(EmailStatus::Failed.as_str()));
    if let Some(before) = before {
        recent = recent.filter(email_outbox::Column::Id.lt(before));
    }
    let mut recent = recent
        .order_by_desc(email_outbox::Column::Id)
        .limit(MESSAGES_PER_PAGE + 1)
        .all(db)
        .await?;
    let more = recent.len() as u64 > MESSAGES_PER_PAGE;
    recent.truncate(MESSAGES_PER_PAGE as usize);
    let next = more.then(|| recent.last().map(|m| m.id)).flatten();
    Ok(OutboxSummary {
        counts,
        messages: failed
            .into_iter()
            .chain(recent)
            .map(row)
            .collect::<Result<_, _>>()?,
        next,
        later_page: before.is_some(),
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
