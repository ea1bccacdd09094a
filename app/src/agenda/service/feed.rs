//! The calendar a feed token opens: the person's sessions that are not
//! cancelled, from 90 days ago on, one VEVENT per half-day slot.
//!
//! Cancelled sessions are left out rather than sent with `STATUS:CANCELLED`:
//! subscribed calendars then drop the event at their next refresh, which every
//! client does, whereas the cancelled status is shown inconsistently (and the
//! cancellation email already told the person).

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::agenda::rules::kind::FeedKind;
use crate::auth::tokens::hash_token;
use crate::db::entities::{
    calendar_feeds, enrolments, modules, session_slots, session_trainers, training_sessions, users,
};
use crate::error::AppError;
use crate::roles::Role;
use crate::sessions::rules::{EnrolmentStatus, Status};
use crate::sessions::service::ics;

/// How far back a feed goes.
pub const PAST_DAYS: i64 = 90;

/// The `.ics` text of the live feed `token`, or `None` (unknown, revoked,
/// account closed, or no longer allowed to have this kind).
pub async fn render(
    db: &DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
    host: &str,
) -> Result<Option<String>, AppError> {
    let Some(feed) = calendar_feeds::Entity::find()
        .filter(calendar_feeds::Column::TokenHash.eq(hash_token(token)))
        .filter(calendar_feeds::Column::RevokedAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(kind) = FeedKind::from_code(&feed.kind) else {
        return Ok(None);
    };
    let Some(user) = users::Entity::find_by_id(feed.user_id).one(db).await? else {
        return Ok(None);
    };
    let role = Role::from_code(&user.role);
    if !user.active || user.erased_at.is_some() || !role.is_some_and(|r| kind.allowed_for(r)) {
        return Ok(None);
    }
    let session_ids = session_ids(db, kind, user.id).await?;
    let sessions: HashMap<i32, training_sessions::Model> = training_sessions::Entity::find()
        .filter(training_sessions::Column::Id.is_in(session_ids))
        .filter(training_sessions::Column::Status.ne(Status::Cancelled.code()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let titles: HashMap<i32, String> = modules::Entity::find()
        .filter(modules::Column::Id.is_in(sessions.values().map(|s| s.module_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.title))
        .collect();
    let slots = session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.is_in(sessions.keys().copied()))
        .filter(session_slots::Column::EndsAt.gte(now - Duration::days(PAST_DAYS)))
        .order_by_asc(session_slots::Column::StartsAt)
        .order_by_asc(session_slots::Column::Id)
        .all(db)
        .await?;
    let events = slots.iter().filter_map(|slot| {
        let session = sessions.get(&slot.session_id)?;
        let title = titles.get(&session.module_id).map_or("", String::as_str);
        Some(ics::event(session, title, slot, host, session.updated_at))
    });
    let name = match kind {
        FeedKind::Inscriptions => "Relais — mes sessions",
        FeedKind::Animation => "Relais — les sessions que j’anime",
    };
    let mut calendar = ics::calendar_of(name, events);
    calendar.ttl(&Duration::hours(1));
    Ok(Some(calendar.to_string()))
}

async fn session_ids(
    db: &DatabaseConnection,
    kind: FeedKind,
    user_id: i32,
) -> Result<Vec<i32>, AppError> {
    let ids = match kind {
        FeedKind::Inscriptions => {
            enrolments::Entity::find()
                .select_only()
                .column(enrolments::Column::SessionId)
                .filter(enrolments::Column::UserId.eq(user_id))
                .filter(enrolments::Column::Status.eq(EnrolmentStatus::Confirmed.code()))
                .into_tuple()
                .all(db)
                .await?
        }
        FeedKind::Animation => {
            session_trainers::Entity::find()
                .select_only()
                .column(session_trainers::Column::SessionId)
                .filter(session_trainers::Column::UserId.eq(user_id))
                .into_tuple()
                .all(db)
                .await?
        }
    };
    Ok(ids)
}
