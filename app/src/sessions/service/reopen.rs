//! Reopening a cancelled session whose last half-day has not ended: it is
//! planned again, its cancellation reason is cleared, everyone still enrolled
//! or waiting is told by email (queued in the same transaction) and the
//! change is audited with its reason.

use crate::db::BeginWrite;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter,
};

use super::access::{lock_session, require_manager};
use super::notices::queue_to_open_enrolments;
use crate::auth::CurrentUser;
use crate::db::entities::{session_slots, training_sessions};
use crate::error::AppError;
use crate::mail::session_reopened::session_reopened;
use crate::sessions::rules::EnrolmentStatus;
use crate::sessions::rules::Status;
use crate::sessions::rules::changes::{may_reopen, reason};

/// When the session's last half-day ends (`None` without half-days).
pub async fn last_end(
    db: &impl ConnectionTrait,
    session_id: i32,
) -> Result<Option<chrono::DateTime<Utc>>, AppError> {
    Ok(session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.eq(session_id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.ends_at)
        .max())
}

pub async fn reopen(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: i32,
    text: &str,
) -> Result<(), AppError> {
    require_manager(db, user, id).await?;
    let reason = reason(text, "Indiquez le motif du rétablissement.")?;
    let txn = db.begin_write().await?;
    let session = lock_session(&txn, id).await?;
    let status = Status::from_code(&session.status)
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("unknown session status")))?;
    let last_end = last_end(&txn, id).await?;
    may_reopen(status, last_end, Utc::now())?;
    let previous = session.cancel_reason.clone();
    let mut a: training_sessions::ActiveModel = session.into();
    a.status = Set(Status::Planned.code().to_owned());
    a.cancel_reason = Set(None);
    a.updated_at = Set(Utc::now());
    let session = a.update(&txn).await?;
    let told = notify(&txn, &session, &reason).await?;
    crate::audit::record(
        &txn,
        Some(user.id),
        "session_reopened",
        Some(("training_session", id)),
        Some(serde_json::json!({
            "reason": reason,
            "cancel_reason": previous,
            "notified": told,
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Queues the notice for everyone confirmed or waiting; returns how many.
async fn notify(
    db: &impl ConnectionTrait,
    session: &training_sessions::Model,
    reason: &str,
) -> Result<usize, AppError> {
    let settings = crate::state::app_state()?.settings;
    let link = format!(
        "{}/sessions/{}",
        settings.public_url.trim_end_matches('/'),
        session.id
    );
    queue_to_open_enrolments(db, session, "session_reopened", |to| {
        session_reopened(
            &to.user.display_name,
            &session.title,
            to.first_day,
            reason,
            to.enrolment.status == EnrolmentStatus::Waiting.code(),
            &link,
        )
    })
    .await
}
