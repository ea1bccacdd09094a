//! The sessions « à clôturer » of a home: planned, every half-day over, and
//! a roll call still unsigned (`sessions::rules::lifecycle`), among those the
//! person may manage (`sessions::service::access::managed_by`).

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::auth::CurrentUser;
use crate::calendar::to_local;
use crate::db::entities::{session_slots, training_sessions};
use crate::error::AppError;
use crate::sessions::rules::Status;
use crate::sessions::rules::lifecycle::{Stage, stage};
use crate::sessions::service::access::managed_by;
use crate::sessions::service::lifecycle::{ended_planned, half_day};
use crate::space::types::SessionToClose;

/// Sessions listed at most, the most recently ended first.
const LISTED: u64 = 50;

pub async fn list(
    db: &DatabaseConnection,
    user: &CurrentUser,
    now: DateTime<Utc>,
) -> Result<Vec<SessionToClose>, AppError> {
    let ids = ended_planned(db, now, false, managed_by(user), LISTED).await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut found: Vec<(DateTime<Utc>, SessionToClose)> = training_sessions::Entity::find()
        .filter(training_sessions::Column::Id.is_in(ids))
        .find_with_related(session_slots::Entity)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(session, slots)| to_close(session, &slots, now))
        .collect();
    found.sort_by(|(a, _), (b, _)| b.cmp(a));
    Ok(found.into_iter().map(|(_, s)| s).collect())
}

/// The session as listed, with the end of its last half-day, if the rule
/// says it is to close.
fn to_close(
    session: training_sessions::Model,
    slots: &[session_slots::Model],
    now: DateTime<Utc>,
) -> Option<(DateTime<Utc>, SessionToClose)> {
    let states: Vec<_> = slots.iter().map(half_day).collect();
    let status = Status::from_code(&session.status)?;
    if stage(status, &states, now) != Stage::ToClose {
        return None;
    }
    let last_end = states.iter().map(|s| s.ends_at).max()?;
    Some((
        last_end,
        SessionToClose {
            session_id: session.id,
            title: session.title,
            last_day: to_local(last_end).date(),
            unsigned: states.iter().filter(|s| !s.signed).count(),
        },
    ))
}
