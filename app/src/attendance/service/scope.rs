//! The checks every attendance write starts with: the slot belongs to the
//! session, the enrolment is a confirmed one of that session, and the
//! session is not cancelled.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::attendance::rules::{Attendance, AttendanceError, MarkMethod};
use crate::db::entities::{attendance_marks, enrolments, session_slots, training_sessions};
use crate::error::AppError;
use crate::sessions::rules::{EnrolmentStatus, Status};

/// The slot `slot_id` of session `session_id` (404 if it is not one of its slots).
pub async fn slot_of(
    db: &impl ConnectionTrait,
    session_id: i32,
    slot_id: i32,
) -> Result<session_slots::Model, AppError> {
    session_slots::Entity::find_by_id(slot_id)
        .one(db)
        .await?
        .filter(|s| s.session_id == session_id)
        .ok_or(AppError::NotFound)
}

/// Enrolment `enrolment_id`, if it is a confirmed one of the session.
pub async fn confirmed_enrolment(
    db: &impl ConnectionTrait,
    session_id: i32,
    enrolment_id: i32,
) -> Result<enrolments::Model, AppError> {
    enrolments::Entity::find_by_id(enrolment_id)
        .one(db)
        .await?
        .filter(|e| e.session_id == session_id && e.status == EnrolmentStatus::Confirmed.code())
        .ok_or(AttendanceError::NotConfirmedHere.into())
}

/// The caller's own confirmed enrolment in the session.
pub async fn own_enrolment(
    db: &impl ConnectionTrait,
    session_id: i32,
    user_id: i32,
) -> Result<enrolments::Model, AppError> {
    enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.eq(session_id))
        .filter(enrolments::Column::UserId.eq(user_id))
        .filter(enrolments::Column::Status.eq(EnrolmentStatus::Confirmed.code()))
        .one(db)
        .await?
        .ok_or(AttendanceError::NotConfirmedCaller.into())
}

pub fn ensure_not_cancelled(session: &training_sessions::Model) -> Result<(), AppError> {
    if session.status == Status::Cancelled.code() {
        return Err(AttendanceError::SessionCancelled.into());
    }
    Ok(())
}

/// The mark of one enrolment for one slot, if any.
pub async fn mark_of(
    db: &impl ConnectionTrait,
    slot_id: i32,
    enrolment_id: i32,
) -> Result<Option<attendance_marks::Model>, AppError> {
    Ok(attendance_marks::Entity::find()
        .filter(attendance_marks::Column::SlotId.eq(slot_id))
        .filter(attendance_marks::Column::EnrolmentId.eq(enrolment_id))
        .one(db)
        .await?)
}

/// A first mark of the enrolment for the slot, recorded by `by` at `now`.
pub fn new_mark(
    slot_id: i32,
    enrolment_id: i32,
    status: Attendance,
    method: MarkMethod,
    by: i32,
    now: DateTime<Utc>,
) -> attendance_marks::ActiveModel {
    attendance_marks::ActiveModel {
        slot_id: Set(slot_id),
        enrolment_id: Set(enrolment_id),
        status: Set(status.code().to_owned()),
        method: Set(method.code().to_owned()),
        recorded_at: Set(now),
        recorded_by: Set(Some(by)),
        note: Set(None),
        ..Default::default()
    }
}

/// Inserts `mark` unless the slot and enrolment already have one; `true`
/// if it was inserted.
pub async fn insert_if_absent(
    db: &impl ConnectionTrait,
    mark: attendance_marks::ActiveModel,
) -> Result<bool, AppError> {
    use attendance_marks::{Column, Entity};
    let result = Entity::insert(mark)
        .on_conflict_do_nothing_on([Column::SlotId, Column::EnrolmentId])
        .exec_without_returning(db)
        .await?;
    Ok(matches!(result, sea_orm::TryInsertResult::Inserted(n) if n > 0))
}
