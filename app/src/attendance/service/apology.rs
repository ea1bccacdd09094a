//! Apologies in advance: a confirmed learner says they will miss a future
//! half-day (« absent·e excusé·e », with an optional reason the trainer sees
//! on the roll call), and may withdraw it until the half-day starts.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::scope::{
    ensure_not_cancelled, insert_if_absent, mark_of, new_mark, own_enrolment, slot_of,
};
use crate::attendance::rules::checkin::{apology_reason, may_apologise};
use crate::attendance::rules::{Attendance, AttendanceError, MarkMethod};
use crate::attendance::types::{ApologyInput, SlotRef};
use crate::auth::CurrentUser;
use crate::db::entities::attendance_marks;
use crate::error::AppError;
use crate::sessions::service::access::session_or_404;

/// Sends (or rewords) the caller's apology for a half-day not yet started.
pub async fn send(
    db: &DatabaseConnection,
    user: &CurrentUser,
    input: &ApologyInput,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let reason = apology_reason(&input.reason)?;
    let session = session_or_404(db, input.session_id).await?;
    ensure_not_cancelled(&session)?;
    let enrolment = own_enrolment(db, session.id, user.id).await?;
    let slot = slot_of(db, session.id, input.slot_id).await?;
    if !may_apologise(now, slot.starts_at) {
        return Err(AttendanceError::HalfDayStarted.into());
    }
    let mut fresh = new_mark(
        slot.id,
        enrolment.id,
        Attendance::ExcusedAbsent,
        MarkMethod::Apology,
        user.id,
        now,
    );
    fresh.note = Set(reason.clone());
    if insert_if_absent(db, fresh).await? {
        return Ok(());
    }
    match mark_of(db, slot.id, enrolment.id).await? {
        Some(old) if old.method == MarkMethod::Apology.code() => {
            let mut a: attendance_marks::ActiveModel = old.into();
            a.note = Set(reason);
            a.recorded_at = Set(now);
            sea_orm::ActiveModelTrait::update(a, db).await?;
            Ok(())
        }
        _ => Err(AppError::conflict(
            "Votre présence à cette demi-journée est déjà enregistrée par votre formatrice ou formateur.",
        )),
    }
}

/// Withdraws the caller's apology, before the half-day starts.
pub async fn withdraw(
    db: &DatabaseConnection,
    user: &CurrentUser,
    input: &SlotRef,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    use attendance_marks::{Column, Entity};
    let enrolment = own_enrolment(db, input.session_id, user.id).await?;
    let slot = slot_of(db, input.session_id, input.slot_id).await?;
    if !may_apologise(now, slot.starts_at) {
        return Err(AttendanceError::HalfDayStarted.into());
    }
    let removed = Entity::delete_many()
        .filter(Column::SlotId.eq(slot.id))
        .filter(Column::EnrolmentId.eq(enrolment.id))
        .filter(Column::Method.eq(MarkMethod::Apology.code()))
        .exec(db)
        .await?
        .rows_affected;
    if removed == 0 {
        return Err(AttendanceError::NoApology.into());
    }
    Ok(())
}
