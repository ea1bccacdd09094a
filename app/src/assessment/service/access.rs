//! Who answers and who reads: a learner only through their own enrolment in
//! the session; trainers only for the sessions they teach; the coordinator
//! everywhere (through `sessions::service::access`). Also the dates a
//! phase's window depends on.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use crate::assessment::rules::windows::{Schedule, absent_throughout};
use crate::attendance::rules::Attendance;
use crate::auth::CurrentUser;
use crate::db::entities::{attendance_marks, enrolments, session_slots, training_sessions};
use crate::error::AppError;
use crate::sessions::rules::{EnrolmentStatus, Status};
use crate::sessions::service::access::session_or_404;
use crate::sessions::service::roster::slots;

/// The session and the caller’s own enrolment in it (404 without one: other
/// people’s sessions are not revealed).
pub async fn own_enrolment(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    session_id: i32,
) -> Result<(training_sessions::Model, enrolments::Model), AppError> {
    let session = session_or_404(db, session_id).await?;
    let enrolment = enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.eq(session_id))
        .filter(enrolments::Column::UserId.eq(user.id))
        .order_by_desc(enrolments::Column::Id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((session, enrolment))
}

/// Whether the enrolment attended at least one half-day (present or late).
pub async fn attended(db: &impl ConnectionTrait, enrolment_id: i32) -> Result<bool, AppError> {
    let marks = attendance_marks::Entity::find()
        .filter(attendance_marks::Column::EnrolmentId.eq(enrolment_id))
        .filter(attendance_marks::Column::Status.is_in(Attendance::attended_codes()))
        .count(db)
        .await?;
    Ok(marks > 0)
}

/// The dates of `enrolment`'s windows, read from the database.
pub async fn schedule_of(
    db: &impl ConnectionTrait,
    session: &training_sessions::Model,
    enrolment: &enrolments::Model,
) -> Result<Schedule, AppError> {
    let slots = slots(db, session.id).await?;
    let attended = attended(db, enrolment.id).await?;
    Ok(schedule(session, enrolment, &slots, attended))
}

/// The dates of `enrolment`'s windows; a cancelled session or an enrolment
/// that is not confirmed opens none, and someone absent throughout is not
/// asked after the course.
fn schedule(
    session: &training_sessions::Model,
    enrolment: &enrolments::Model,
    slots: &[session_slots::Model],
    attended: bool,
) -> Schedule {
    let confirmed = enrolment.status == EnrolmentStatus::Confirmed.code()
        && session.status != Status::Cancelled.code();
    let signed: Vec<bool> = slots.iter().map(|s| s.confirmed_at.is_some()).collect();
    let held = session.status == Status::Held.code();
    let last = slots.last();
    Schedule {
        confirmed_at: confirmed.then(|| enrolment.confirmed_at.unwrap_or(enrolment.enrolled_at)),
        first_start: slots.first().map(|s| s.starts_at),
        last_start: last.map(|s| s.starts_at),
        last_end: last.map(|s| s.ends_at),
        attended,
        absent: absent_throughout(attended, held, &signed),
    }
}
