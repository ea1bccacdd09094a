//! Enrolling and cancelling, with the waiting list. Every change runs in one
//! transaction that first locks the session row ([`lock_session`]), so the
//! count of confirmed places and the write that follows cannot interleave
//! with another request: capacity is never exceeded.

use crate::db::BeginWrite;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

use super::access::{lock_session, may_manage};
use super::{convocation, snapshot};
use crate::accounts::rules::verification::ENROLMENT_NEEDS_ADDRESS;
use crate::auth::CurrentUser;
use crate::db::entities::{enrolments, session_slots, training_sessions, users};
use crate::error::AppError;
use crate::sessions::rules::seats::{
    enrolment_decision, enrolment_open, learner_may_cancel, may_take_another_place, promotions,
    upcoming_cap_message,
};
use crate::sessions::rules::{EnrolmentStatus, Status};

/// What happened to one person's enrolment request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Enrolled(EnrolmentStatus),
    AlreadyThere,
}

async fn count(
    db: &impl ConnectionTrait,
    session_id: i32,
    status: EnrolmentStatus,
) -> Result<i64, AppError> {
    Ok(enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.eq(session_id))
        .filter(enrolments::Column::Status.eq(status.code()))
        .count(db)
        .await? as i64)
}

pub async fn first_slot_start(
    db: &impl ConnectionTrait,
    session_id: i32,
) -> Result<Option<chrono::DateTime<Utc>>, AppError> {
    Ok(session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.eq(session_id))
        .order_by_asc(session_slots::Column::StartsAt)
        .one(db)
        .await?
        .map(|s| s.starts_at))
}

fn ensure_planned(session: &training_sessions::Model) -> Result<(), AppError> {
    match Status::from_code(&session.status) {
        Some(Status::Planned) => Ok(()),
        Some(Status::Cancelled) => Err(AppError::invalid(
            "Cette session est annulée : on ne peut plus s’y inscrire.",
        )),
        _ => Err(AppError::invalid("Cette session a déjà eu lieu.")),
    }
}

/// Enrols `user_id` in the locked `session` (confirmed or waiting); queues the
/// convocation when confirmed. A cancelled enrolment is reopened. Either way
/// the enrolment keeps the person's typology of today (`snapshot`).
async fn enrol_locked(
    txn: &impl ConnectionTrait,
    session: &training_sessions::Model,
    user_id: i32,
) -> Result<Outcome, AppError> {
    let existing = enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.eq(session.id))
        .filter(enrolments::Column::UserId.eq(user_id))
        .one(txn)
        .await?;
    if existing
        .as_ref()
        .is_some_and(|e| e.status != EnrolmentStatus::Cancelled.code())
    {
        return Ok(Outcome::AlreadyThere);
    }
    let confirmed = count(txn, session.id, EnrolmentStatus::Confirmed).await?;
    let status = enrolment_decision(session.capacity, confirmed);
    let now = Utc::now();
    let confirmed_at = (status == EnrolmentStatus::Confirmed).then_some(now);
    let row = match existing {
        Some(e) => {
            let mut a: enrolments::ActiveModel = e.into();
            a.status = Set(status.code().to_owned());
            a.enrolled_at = Set(now);
            a.confirmed_at = Set(confirmed_at);
            a.cancelled_at = Set(None);
            snapshot::take(txn, user_id, &mut a).await?;
            a.update(txn).await?
        }
        None => {
            let mut a = enrolments::ActiveModel {
                session_id: Set(session.id),
                user_id: Set(user_id),
                status: Set(status.code().to_owned()),
                enrolled_at: Set(now),
                confirmed_at: Set(confirmed_at),
                ..Default::default()
            };
            snapshot::take(txn, user_id, &mut a).await?;
            a.insert(txn).await?
        }
    };
    if status == EnrolmentStatus::Confirmed {
        convocation::queue(txn, session, &row, false).await?;
    }
    Ok(Outcome::Enrolled(status))
}

/// A person enrols themself, while enrolment is open and while they hold
/// fewer than `cap` places in sessions not yet over.
pub async fn enrol_self(
    db: &DatabaseConnection,
    session_id: i32,
    user: &CurrentUser,
    cap: u32,
) -> Result<EnrolmentStatus, AppError> {
    if !user.email_verified {
        return Err(AppError::invalid(ENROLMENT_NEEDS_ADDRESS));
    }
    let txn = db.begin_write().await?;
    let session = lock_session(&txn, session_id).await?;
    ensure_planned(&session)?;
    let now = Utc::now();
    if !enrolment_open(
        now,
        session.enrolment_deadline,
        first_slot_start(&txn, session_id).await?,
    ) {
        return Err(AppError::invalid(
            "Les inscriptions à cette session sont closes.",
        ));
    }
    lock_person(&txn, user.id).await?;
    if !may_take_another_place(upcoming_places(&txn, user.id, now).await?, cap) {
        return Err(AppError::invalid(upcoming_cap_message(cap)));
    }
    match enrol_locked(&txn, &session, user.id).await? {
        Outcome::AlreadyThere => Err(AppError::conflict(
            "Vous êtes déjà inscrit·e à cette session.",
        )),
        Outcome::Enrolled(status) => {
            txn.commit().await?;
            Ok(status)
        }
    }
}

/// Holds the person's row until the transaction ends (PostgreSQL; on SQLite
/// the session's lock already serialises every write), so that two sessions
/// enrolled in at once cannot both pass the cap.
async fn lock_person(txn: &impl ConnectionTrait, user_id: i32) -> Result<(), AppError> {
    if txn.get_database_backend() == sea_orm::DbBackend::Postgres {
        use sea_orm::QuerySelect;
        users::Entity::find_by_id(user_id)
            .lock_exclusive()
            .one(txn)
            .await?
            .ok_or(AppError::NotFound)?;
    }
    Ok(())
}

/// Places `user_id` holds (confirmed or waiting) in planned sessions that
/// still have a half-day not over at `now`.
async fn upcoming_places(
    txn: &impl ConnectionTrait,
    user_id: i32,
    now: chrono::DateTime<Utc>,
) -> Result<u64, AppError> {
    use sea_orm::sea_query::Query;
    let not_over = Query::select()
        .column(session_slots::Column::SessionId)
        .from(session_slots::Entity)
        .and_where(session_slots::Column::EndsAt.gt(now))
        .to_owned();
    Ok(enrolments::Entity::find()
        .inner_join(training_sessions::Entity)
        .filter(enrolments::Column::UserId.eq(user_id))
        .filter(enrolments::Column::Status.is_in([
            EnrolmentStatus::Confirmed.code(),
            EnrolmentStatus::Waiting.code(),
        ]))
        .filter(training_sessions::Column::Status.eq(Status::Planned.code()))
        .filter(enrolments::Column::SessionId.in_subquery(not_over))
        .count(txn)
        .await?)
}

/// Those who manage the session enrol people by account id (even after the deadline).
pub async fn enrol_many(
    db: &DatabaseConnection,
    session_id: i32,
    user_ids: &[i32],
) -> Result<Vec<Outcome>, AppError> {
    let txn = db.begin_write().await?;
    let session = lock_session(&txn, session_id).await?;
    ensure_planned(&session)?;
    let mut outcomes = Vec::new();
    for id in user_ids {
        outcomes.push(enrol_locked(&txn, &session, *id).await?);
    }
    txn.commit().await?;
    Ok(outcomes)
}

/// Promotes waiting people (first enrolled first) while places are free.
pub async fn fill_from_waiting_list(
    txn: &impl ConnectionTrait,
    session: &training_sessions::Model,
) -> Result<usize, AppError> {
    if Status::from_code(&session.status) != Some(Status::Planned) {
        return Ok(0);
    }
    let confirmed = count(txn, session.id, EnrolmentStatus::Confirmed).await?;
    let waiting = count(txn, session.id, EnrolmentStatus::Waiting).await?;
    let n = promotions(session.capacity, confirmed, waiting);
    if n == 0 {
        return Ok(0);
    }
    let next = enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.eq(session.id))
        .filter(enrolments::Column::Status.eq(EnrolmentStatus::Waiting.code()))
        .order_by_asc(enrolments::Column::EnrolledAt)
        .order_by_asc(enrolments::Column::Id)
        .paginate(txn, n as u64)
        .fetch_page(0)
        .await?;
    let promoted = next.len();
    for e in next {
        let user_id = e.user_id;
        let mut a: enrolments::ActiveModel = e.into();
        a.status = Set(EnrolmentStatus::Confirmed.code().to_owned());
        a.confirmed_at = Set(Some(Utc::now()));
        // Confirmed now: the typology is the person's at this moment.
        snapshot::take(txn, user_id, &mut a).await?;
        let row = a.update(txn).await?;
        convocation::queue(txn, session, &row, true).await?;
    }
    Ok(promoted)
}

/// Cancels an enrolment: its owner until the cancellation deadline, or those
/// who manage the session at any time. Others learn nothing (404).
pub async fn cancel(
    db: &DatabaseConnection,
    enrolment_id: i32,
    user: &CurrentUser,
) -> Result<i32, AppError> {
    let found = enrolments::Entity::find_by_id(enrolment_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let manager = may_manage(db, Some(user), found.session_id).await?;
    if found.user_id != user.id && !manager {
        return Err(AppError::NotFound);
    }
    let txn = db.begin_write().await?;
    let session = lock_session(&txn, found.session_id).await?;
    let enrolment = enrolments::Entity::find_by_id(enrolment_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if enrolment.status == EnrolmentStatus::Cancelled.code() {
        return Ok(session.id);
    }
    if !manager
        && !learner_may_cancel(
            Utc::now(),
            session.enrolment_deadline,
            first_slot_start(&txn, session.id).await?,
        )
    {
        return Err(AppError::invalid(
            "Le délai d’annulation est dépassé : contactez l’équipe de formation.",
        ));
    }
    let was_confirmed = enrolment.status == EnrolmentStatus::Confirmed.code();
    let mut a: enrolments::ActiveModel = enrolment.into();
    a.status = Set(EnrolmentStatus::Cancelled.code().to_owned());
    a.cancelled_at = Set(Some(Utc::now()));
    a.update(&txn).await?;
    if was_confirmed {
        fill_from_waiting_list(&txn, &session).await?;
    }
    if found.user_id != user.id {
        crate::audit::record(
            &txn,
            Some(user.id),
            "enrolment_cancelled",
            Some(("enrolment", enrolment_id)),
            Some(serde_json::json!({ "session": session.id, "learner": found.user_id })),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(session.id)
}
