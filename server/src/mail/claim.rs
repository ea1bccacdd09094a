//! The outbox rows as the worker sees them: claiming due messages in one
//! atomic statement, then writing each outcome only while the claim holds.
//!
//! A claim increments `attempts`; the value it returns is the claim's token.
//! Every later write is conditioned on `status = 'sending' AND attempts = token`,
//! so a worker whose lease expired (and whose row was claimed again) changes
//! nothing.

use std::borrow::Cow;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, LockBehavior, LockType, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, DbErr, EntityTrait, Order, PaginatorTrait,
    QueryFilter, QueryOrder,
};

use app::db::entities::{email_attachments, email_outbox};
use app::mail::{EmailStatus, secrets};
use email_outbox::Column;

const QUEUED: &str = EmailStatus::Queued.as_str();
const SENDING: &str = EmailStatus::Sending.as_str();
const SENT: &str = EmailStatus::Sent.as_str();
const FAILED: &str = EmailStatus::Failed.as_str();

/// Longest `last_error` kept (SMTP answers can be long; the start says why).
const MAX_ERROR_CHARS: usize = 1000;

/// `now + duration`, saturating instead of overflowing.
pub fn after(now: DateTime<Utc>, duration: Duration) -> DateTime<Utc> {
    TimeDelta::from_std(duration)
        .ok()
        .and_then(|d| now.checked_add_signed(d))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Claims up to `limit` due messages — queued and due, or `sending` with an
/// expired lease — for `lease`, and returns them in id order.
///
/// One `UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING *`: on PostgreSQL the
/// inner select takes `FOR UPDATE SKIP LOCKED`, so concurrent instances claim
/// disjoint rows without waiting; SQLite runs one writer at a time, which makes
/// the statement atomic by itself.
pub async fn claim(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    lease: Duration,
    limit: u64,
) -> Result<Vec<email_outbox::Model>, DbErr> {
    let mut due = Query::select();
    due.column(Column::Id)
        .from(email_outbox::Entity)
        .cond_where(
            Condition::any()
                .add(
                    Condition::all()
                        .add(Column::Status.eq(QUEUED))
                        .add(Column::NextAttemptAt.lte(now)),
                )
                .add(
                    Condition::all()
                        .add(Column::Status.eq(SENDING))
                        .add(Column::LeaseUntil.lt(now)),
                ),
        )
        .order_by(Column::Id, Order::Asc)
        .limit(limit);
    if db.get_database_backend() == DbBackend::Postgres {
        due.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    let mut claimed = email_outbox::Entity::update_many()
        .col_expr(Column::Status, Expr::val(SENDING))
        .col_expr(Column::LeaseUntil, Expr::val(after(now, lease)))
        .col_expr(Column::Attempts, Expr::col(Column::Attempts).add(1))
        .filter(Column::Id.in_subquery(due))
        .exec_with_returning(db)
        .await?;
    claimed.sort_by_key(|m| m.id);
    Ok(claimed)
}

pub async fn attachments(
    db: &impl ConnectionTrait,
    email_id: i32,
) -> Result<Vec<email_attachments::Model>, DbErr> {
    email_attachments::Entity::find()
        .filter(email_attachments::Column::EmailId.eq(email_id))
        .order_by_asc(email_attachments::Column::Id)
        .all(db)
        .await
}

/// Whether the row of `email_id` still exists (erasure and the purge delete rows).
pub async fn exists(db: &impl ConnectionTrait, email_id: i32) -> Result<bool, DbErr> {
    Ok(email_outbox::Entity::find_by_id(email_id).count(db).await? > 0)
}

/// The transport accepted the message: the secrets of its links are masked
/// in what the outbox keeps (see `app::mail::secrets`).
pub async fn mark_sent(
    db: &impl ConnectionTrait,
    claimed: &email_outbox::Model,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let mut values = vec![
        (Column::Status, Expr::val(SENT)),
        (Column::SentAt, Expr::val(now)),
        (Column::LeaseUntil, Expr::val(None::<DateTime<Utc>>)),
        (Column::LastError, Expr::val(None::<String>)),
    ];
    for (column, body) in [
        (Column::BodyText, &claimed.body_text),
        (Column::BodyHtml, &claimed.body_html),
    ] {
        if let Cow::Owned(masked) = secrets::mask(body) {
            values.push((column, Expr::val(masked)));
        }
    }
    finish(db, claimed, values).await
}

/// A transient failure: queued again for `at`.
pub async fn retry_at(
    db: &impl ConnectionTrait,
    claimed: &email_outbox::Model,
    at: DateTime<Utc>,
    error: &str,
) -> Result<bool, DbErr> {
    let mut values = failure(QUEUED, error);
    values.push((Column::NextAttemptAt, Expr::val(at)));
    finish(db, claimed, values).await
}

/// A permanent failure, or too many transient ones: never tried again.
pub async fn mark_failed(
    db: &impl ConnectionTrait,
    claimed: &email_outbox::Model,
    error: &str,
) -> Result<bool, DbErr> {
    finish(db, claimed, failure(FAILED, error)).await
}

/// What every failed attempt writes: the next status, no lease, and why.
fn failure(status: &'static str, error: &str) -> Vec<(Column, Expr)> {
    vec![
        (Column::Status, Expr::val(status)),
        (Column::LeaseUntil, Expr::val(None::<DateTime<Utc>>)),
        (Column::LastError, Expr::val(truncate(error))),
    ]
}

/// Gives back a claimed message that was not tried (the worker is stopping):
/// queued again at once, and the claim does not count as an attempt.
pub async fn release(
    db: &impl ConnectionTrait,
    claimed: &email_outbox::Model,
) -> Result<bool, DbErr> {
    finish(
        db,
        claimed,
        vec![
            (Column::Status, Expr::val(QUEUED)),
            (Column::Attempts, Expr::col(Column::Attempts).sub(1)),
            (Column::LeaseUntil, Expr::val(None::<DateTime<Utc>>)),
        ],
    )
    .await
}

/// Applies `values` if the row still carries this claim; says whether it did.
async fn finish(
    db: &impl ConnectionTrait,
    claimed: &email_outbox::Model,
    values: Vec<(Column, Expr)>,
) -> Result<bool, DbErr> {
    let mut update = email_outbox::Entity::update_many();
    for (column, value) in values {
        update = update.col_expr(column, value);
    }
    let result = update
        .filter(Column::Id.eq(claimed.id))
        .filter(Column::Status.eq(SENDING))
        .filter(Column::Attempts.eq(claimed.attempts))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

fn truncate(error: &str) -> String {
    error.chars().take(MAX_ERROR_CHARS).collect()
}
