//! A trainer's home: the roll calls of today (slots of the sessions they
//! teach), their upcoming sessions with confirmed and waiting counts, and
//! their past sessions still to close.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    RelationTrait,
    sea_query::{Expr, Func, JoinType, SimpleExpr},
};

use crate::auth::CurrentUser;
use crate::calendar::to_local;
use crate::db::entities::{enrolments, session_slots, session_trainers, training_sessions};
use crate::error::AppError;
use crate::roles::Role;
use crate::sessions::rules::{EnrolmentStatus, Mode, Status};
use crate::sessions::service::view::slot_view;
use crate::space::types::{RollCall, TaughtSession, TrainerHome};

/// Upcoming sessions listed at most.
const UPCOMING: usize = 10;

pub async fn home(
    db: &DatabaseConnection,
    user: &CurrentUser,
    now: DateTime<Utc>,
) -> Result<TrainerHome, AppError> {
    Ok(TrainerHome {
        roll_calls: roll_calls(db, user, now).await?,
        upcoming: upcoming(db, user, now).await?,
        // The coordinator's own home lists every session to close.
        to_close: if user.role == Role::Trainer {
            super::to_close::list(db, user, now).await?
        } else {
            Vec::new()
        },
    })
}

/// The slots of today (Metz time) of the sessions `user` teaches.
async fn roll_calls(
    db: &DatabaseConnection,
    user: &CurrentUser,
    now: DateTime<Utc>,
) -> Result<Vec<RollCall>, AppError> {
    let today = to_local(now).date();
    let rows = session_slots::Entity::find()
        .filter(session_slots::Column::Day.eq(today))
        .find_also_related(training_sessions::Entity)
        .join(
            JoinType::InnerJoin,
            training_sessions::Relation::SessionTrainers.def(),
        )
        .filter(session_trainers::Column::UserId.eq(user.id))
        .filter(training_sessions::Column::Status.ne(Status::Cancelled.code()))
        .order_by_asc(session_slots::Column::StartsAt)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(slot, session)| {
            let session = session?;
            Some(RollCall {
                session_id: session.id,
                slot_id: slot.id,
                title: session.title,
                slot: slot_view(&slot),
                confirmed: slot.confirmed_at.is_some(),
            })
        })
        .collect())
}

/// Planned sessions `user` teaches whose last slot is not over, soonest first.
async fn upcoming(
    db: &DatabaseConnection,
    user: &CurrentUser,
    now: DateTime<Utc>,
) -> Result<Vec<TaughtSession>, AppError> {
    // (session id, first start, last end), one row per session.
    let spans: Vec<(i32, DateTime<Utc>, DateTime<Utc>)> = session_slots::Entity::find()
        .select_only()
        .column(session_slots::Column::SessionId)
        .column_as(
            SimpleExpr::from(Func::min(Expr::col((
                session_slots::Entity,
                session_slots::Column::StartsAt,
            )))),
            "first",
        )
        .column_as(
            SimpleExpr::from(Func::max(Expr::col((
                session_slots::Entity,
                session_slots::Column::EndsAt,
            )))),
            "last",
        )
        .join(
            JoinType::InnerJoin,
            session_slots::Relation::TrainingSessions.def(),
        )
        .join(
            JoinType::InnerJoin,
            training_sessions::Relation::SessionTrainers.def(),
        )
        .filter(session_trainers::Column::UserId.eq(user.id))
        .filter(training_sessions::Column::Status.eq(Status::Planned.code()))
        .group_by(session_slots::Column::SessionId)
        .into_tuple()
        .all(db)
        .await?;
    let mut spans: Vec<_> = spans
        .into_iter()
        .filter(|(_, _, last)| *last >= now)
        .collect();
    spans.sort_by_key(|(_, first, _)| *first);
    spans.truncate(UPCOMING);
    let ids: Vec<i32> = spans.iter().map(|(id, _, _)| *id).collect();
    let sessions: HashMap<i32, training_sessions::Model> = training_sessions::Entity::find()
        .filter(training_sessions::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let mut first_slots: HashMap<i32, session_slots::Model> = HashMap::new();
    for s in session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.is_in(ids.clone()))
        .order_by_desc(session_slots::Column::StartsAt)
        .all(db)
        .await?
    {
        first_slots.insert(s.session_id, s);
    }
    let counts: HashMap<(i32, String), i64> = enrolments::Entity::find()
        .select_only()
        .column(enrolments::Column::SessionId)
        .column(enrolments::Column::Status)
        .column_as(
            SimpleExpr::from(Func::count(Expr::col((
                enrolments::Entity,
                enrolments::Column::Id,
            )))),
            "n",
        )
        .filter(enrolments::Column::SessionId.is_in(ids))
        .group_by(enrolments::Column::SessionId)
        .group_by(enrolments::Column::Status)
        .into_tuple::<(i32, String, i64)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, status, n)| ((id, status), n))
        .collect();
    let count = |id: i32, status: EnrolmentStatus| {
        counts
            .get(&(id, status.code().to_owned()))
            .copied()
            .unwrap_or(0)
    };
    Ok(spans
        .into_iter()
        .filter_map(|(id, _, _)| {
            let s = sessions.get(&id)?;
            Some(TaughtSession {
                session_id: id,
                title: s.title.clone(),
                mode: Mode::from_code(&s.mode).unwrap_or(Mode::InPerson),
                first_slot: first_slots.get(&id).map(slot_view),
                confirmed: count(id, EnrolmentStatus::Confirmed),
                capacity: s.capacity,
                waiting: count(id, EnrolmentStatus::Waiting),
            })
        })
        .collect())
}
