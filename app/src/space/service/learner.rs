//! A learner's home: their next sessions (with the visio link on the day) and
//! the quizzes of the modules they follow that still wait for them.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    RelationTrait,
    sea_query::{Expr, Func, JoinType, SimpleExpr},
};

use crate::auth::CurrentUser;
use crate::calendar::to_local;
use crate::db::entities::{
    enrolments, modules, quiz_attempts, quizzes, session_slots, training_sessions,
};
use crate::error::AppError;
use crate::sessions::rules::{EnrolmentStatus, Mode, Status};
use crate::sessions::service::view::{place, slot_view};
use crate::space::rules::{quiz_waiting, visio_shown};
use crate::space::types::{LearnerHome, NextSession, WaitingQuiz};

pub async fn home(
    db: &DatabaseConnection,
    user: &CurrentUser,
    now: DateTime<Utc>,
) -> Result<LearnerHome, AppError> {
    Ok(LearnerHome {
        next_sessions: next_sessions(db, user, now).await?,
        quizzes: waiting_quizzes(db, user).await?,
    })
}

/// Planned sessions where the learner is confirmed or waiting, with their
/// slots from today on, soonest first.
async fn next_sessions(
    db: &DatabaseConnection,
    user: &CurrentUser,
    now: DateTime<Utc>,
) -> Result<Vec<NextSession>, AppError> {
    let today = to_local(now).date();
    let rows = enrolments::Entity::find()
        .filter(enrolments::Column::UserId.eq(user.id))
        .filter(enrolments::Column::Status.is_in([
            EnrolmentStatus::Confirmed.code(),
            EnrolmentStatus::Waiting.code(),
        ]))
        .find_also_related(training_sessions::Entity)
        .filter(training_sessions::Column::Status.eq(Status::Planned.code()))
        .all(db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|(e, _)| e.session_id).collect();
    let mut slots: HashMap<i32, Vec<session_slots::Model>> = HashMap::new();
    for s in session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.is_in(ids))
        .filter(session_slots::Column::Day.gte(today))
        .order_by_asc(session_slots::Column::StartsAt)
        .all(db)
        .await?
    {
        slots.entry(s.session_id).or_default().push(s);
    }
    let mut next: Vec<(DateTime<Utc>, NextSession)> = rows
        .into_iter()
        .filter_map(|(enrolment, session)| {
            let session = session?;
            let mine = slots.remove(&session.id)?;
            let first = mine.first()?.starts_at;
            let mode = Mode::from_code(&session.mode).unwrap_or(Mode::InPerson);
            let status = EnrolmentStatus::from_code(&enrolment.status)?;
            let days: Vec<_> = mine.iter().map(|s| s.day).collect();
            let shown = visio_shown(mode, Status::Planned, status, &days, today);
            Some((
                first,
                NextSession {
                    session_id: session.id,
                    place: place(&session),
                    title: session.title,
                    mode,
                    status,
                    slots: mine.iter().map(slot_view).collect(),
                    visio_today: session.visio_url.filter(|_| shown),
                },
            ))
        })
        .collect();
    next.sort_by_key(|(first, _)| *first);
    Ok(next.into_iter().map(|(_, n)| n).collect())
}

/// Published quizzes of the modules of sessions the learner is confirmed in,
/// not passed yet and with an attempt left.
async fn waiting_quizzes(
    db: &DatabaseConnection,
    user: &CurrentUser,
) -> Result<Vec<WaitingQuiz>, AppError> {
    let module_ids: Vec<i32> = training_sessions::Entity::find()
        .select_only()
        .column(training_sessions::Column::ModuleId)
        .distinct()
        .join(
            JoinType::InnerJoin,
            training_sessions::Relation::Enrolments.def(),
        )
        .filter(enrolments::Column::UserId.eq(user.id))
        .filter(enrolments::Column::Status.eq(EnrolmentStatus::Confirmed.code()))
        .filter(training_sessions::Column::Status.ne(Status::Cancelled.code()))
        .into_tuple()
        .all(db)
        .await?;
    if module_ids.is_empty() {
        return Ok(Vec::new());
    }
    let candidates = quizzes::Entity::find()
        .filter(quizzes::Column::ModuleId.is_in(module_ids))
        .filter(quizzes::Column::Published.eq(true))
        .find_also_related(modules::Entity)
        .filter(modules::Column::Published.eq(true))
        .order_by_asc(modules::Column::Position)
        .order_by_asc(quizzes::Column::Id)
        .all(db)
        .await?;
    let quiz_ids: Vec<i32> = candidates.iter().map(|(q, _)| q.id).collect();
    let counts = |passed_only: bool| {
        let mut query = quiz_attempts::Entity::find()
            .select_only()
            .column(quiz_attempts::Column::QuizId)
            .column_as(
                SimpleExpr::from(Func::count(Expr::col((
                    quiz_attempts::Entity,
                    quiz_attempts::Column::Id,
                )))),
                "n",
            )
            .filter(quiz_attempts::Column::UserId.eq(user.id))
            .filter(quiz_attempts::Column::QuizId.is_in(quiz_ids.clone()))
            .group_by(quiz_attempts::Column::QuizId);
        if passed_only {
            query = query.filter(quiz_attempts::Column::Passed.eq(true));
        }
        query.into_tuple::<(i32, i64)>().all(db)
    };
    let used: HashMap<i32, i64> = counts(false).await?.into_iter().collect();
    let passed: HashMap<i32, i64> = counts(true).await?.into_iter().collect();
    Ok(candidates
        .into_iter()
        .filter(|(q, _)| {
            quiz_waiting(
                q.published,
                passed.get(&q.id).copied().unwrap_or(0) > 0,
                used.get(&q.id).copied().unwrap_or(0),
                q.max_attempts,
            )
        })
        .map(|(q, m)| WaitingQuiz {
            quiz_id: q.id,
            title: q.title,
            module_title: m.map(|m| m.title).unwrap_or_default(),
        })
        .collect())
}
