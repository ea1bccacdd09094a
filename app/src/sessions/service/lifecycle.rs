//! A session's life on the database: marking a planned session « Réalisée »
//! once every half-day is over and signed (`rules::lifecycle`), right after
//! the last roll call is signed and from the periodic job, and finding the
//! sessions still « à clôturer ».
//!
//! Several server instances may close the same session at the same moment:
//! the change is one conditional `UPDATE … WHERE status = 'prevue'` (and no
//! half-day unsigned or still running), so one of them changes the row and
//! writes the audit entry, the others change nothing.

use crate::db::BeginWrite;
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DatabaseTransaction, EntityTrait, Order,
    QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait, Query},
};

use crate::db::entities::{session_slots, training_sessions};
use crate::error::AppError;
use crate::sessions::rules::Status;
use crate::sessions::rules::lifecycle::{HalfDayState, Stage, stage};

/// Sessions the periodic job closes at most per run; the next run goes on.
const CLOSE_BATCH: u64 = 200;

/// The half-days of a session as the rule reads them.
pub async fn half_days(
    db: &DatabaseConnection,
    session_id: i32,
) -> Result<Vec<HalfDayState>, AppError> {
    Ok(session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.eq(session_id))
        .all(db)
        .await?
        .iter()
        .map(half_day)
        .collect())
}

pub fn half_day(slot: &session_slots::Model) -> HalfDayState {
    HalfDayState {
        ends_at: slot.ends_at,
        signed: slot.confirmed_at.is_some(),
    }
}

/// Marks the session « Réalisée » if the rule says so at `now`, with one
/// audit entry by the system; `true` if this call changed it.
pub async fn close_if_held(
    db: &DatabaseConnection,
    session_id: i32,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let code: Option<String> = training_sessions::Entity::find_by_id(session_id)
        .select_only()
        .column(training_sessions::Column::Status)
        .into_tuple()
        .one(db)
        .await?;
    // A session that does not exist (any more) has nothing to close.
    let Some(status) = code.as_deref().and_then(Status::from_code) else {
        return Ok(false);
    };
    let slots = half_days(db, session_id).await?;
    if stage(status, &slots, now) != Stage::Held {
        return Ok(false);
    }
    let txn = db.begin_write().await?;
    let changed = mark_held(&txn, session_id, now).await?;
    if changed {
        crate::audit::record(
            &txn,
            None,
            "session_held",
            Some(("training_session", session_id)),
            Some(serde_json::json!({ "half_days": slots.len() })),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(changed)
}

/// The one conditional change: « Réalisée » if still planned and no half-day
/// is unsigned or ends after `now` (the rule again, in the statement itself,
/// were a half-day added meanwhile); `true` if this statement changed it.
async fn mark_held(
    txn: &DatabaseTransaction,
    session_id: i32,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    use training_sessions::{Column, Entity};
    let unfinished = Query::select()
        .column(session_slots::Column::SessionId)
        .from(session_slots::Entity)
        .and_where(session_slots::Column::SessionId.eq(session_id))
        .cond_where(
            Condition::any()
                .add(session_slots::Column::ConfirmedAt.is_null())
                .add(session_slots::Column::EndsAt.gt(now)),
        )
        .to_owned();
    let result = Entity::update_many()
        .col_expr(Column::Status, Expr::value(Status::Held.code()))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(Column::Id.eq(session_id))
        .filter(Column::Status.eq(Status::Planned.code()))
        .filter(Column::Id.not_in_subquery(unfinished))
        .exec(txn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Closes the planned sessions whose half-days are all over and signed at
/// `now` (at most [`CLOSE_BATCH`] per call); returns how many this call closed.
pub async fn close_due(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<usize, AppError> {
    let mut closed = 0;
    for id in ended_planned(db, now, true, Condition::all(), CLOSE_BATCH).await? {
        if close_if_held(db, id, now).await? {
            closed += 1;
        }
    }
    Ok(closed)
}

/// Planned sessions matching `scope` whose every half-day ended by `now`,
/// with every roll call signed (`all_signed`) or at least one unsigned; the
/// most recently ended first, at most `limit`. Candidates only: callers
/// decide with the rule.
pub async fn ended_planned(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    all_signed: bool,
    scope: Condition,
    limit: u64,
) -> Result<Vec<i32>, AppError> {
    use session_slots::{Column, Entity};
    let last_end = Expr::col((Entity, Column::EndsAt)).max();
    let signed = Expr::col((Entity, Column::ConfirmedAt)).count();
    let every = Expr::col((Entity, Column::Id)).count();
    let signatures = if all_signed {
        signed.eq(every)
    } else {
        signed.lt(every)
    };
    Ok(Entity::find()
        .select_only()
        .column(Column::SessionId)
        .inner_join(training_sessions::Entity)
        .filter(training_sessions::Column::Status.eq(Status::Planned.code()))
        .filter(scope)
        .group_by(Column::SessionId)
        .having(last_end.clone().lte(now))
        .having(signatures)
        .order_by(last_end, Order::Desc)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?)
}
