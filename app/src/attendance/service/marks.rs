//! The trainer's side of the roll call: marking a learner for a half-day,
//! where changing an existing mark is a correction kept in the audit log,
//! and signing (confirming) the half-day, after which a session whose
//! half-days are all over and signed becomes « Réalisée ».

use crate::db::BeginWrite;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, sea_query::Expr};

use super::scope::{
    confirmed_enrolment, ensure_not_cancelled, insert_if_absent, mark_of, new_mark, slot_of,
};
use crate::attendance::rules::checkin::may_sign;
use crate::attendance::rules::{Attendance, AttendanceError, MarkMethod};
use crate::attendance::types::{MarkInput, SlotRef};
use crate::auth::CurrentUser;
use crate::db::entities::{attendance_marks, session_slots};
use crate::error::AppError;
use crate::sessions::service::access::require_manager;
use crate::sessions::service::lifecycle::close_if_held;

/// Attempts before giving up when other requests keep changing the same mark.
const RACE_ATTEMPTS: usize = 3;

/// Records `input.status` for a confirmed learner of the session. A first
/// mark is a roll-call mark; changing an existing one (whatever its method:
/// apology, check-in, earlier roll call) is a correction, audited with the
/// old and new statuses. Repeating the current status changes nothing, so a
/// retried tap is harmless.
pub async fn set_mark(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    input: &MarkInput,
    now: DateTime<Utc>,
) -> Result<Attendance, AppError> {
    let status = input.status.ok_or(AttendanceError::UnknownStatus)?;
    let session = require_manager(db, actor, input.session_id).await?;
    ensure_not_cancelled(&session)?;
    let slot = slot_of(db, session.id, input.slot_id).await?;
    let enrolment = confirmed_enrolment(db, session.id, input.enrolment_id).await?;
    let fresh = new_mark(
        slot.id,
        enrolment.id,
        status,
        MarkMethod::RollCall,
        actor.id,
        now,
    );
    for _ in 0..RACE_ATTEMPTS {
        let Some(old) = mark_of(db, slot.id, enrolment.id).await? else {
            if insert_if_absent(db, fresh.clone()).await? {
                return Ok(status);
            }
            continue;
        };
        if old.status == status.code() {
            return Ok(status);
        }
        if correct(db, actor, &old, status, session.id, now).await? {
            return Ok(status);
        }
    }
    Err(AppError::conflict(
        "Ce statut vient d’être modifié par ailleurs : rechargez la page puis réessayez.",
    ))
}

/// Changes `old` to `status` if nobody changed it meanwhile, with its audit
/// entry in the same transaction; `false` if it had changed.
async fn correct(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    old: &attendance_marks::Model,
    status: Attendance,
    session_id: i32,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    use attendance_marks::{Column, Entity};
    let txn = db.begin_write().await?;
    let changed = Entity::update_many()
        .col_expr(Column::Status, Expr::value(status.code()))
        .col_expr(Column::Method, Expr::value(MarkMethod::Correction.code()))
        .col_expr(Column::RecordedAt, Expr::value(now))
        .col_expr(Column::RecordedBy, Expr::value(actor.id))
        .filter(Column::Id.eq(old.id))
        .filter(Column::Status.eq(old.status.as_str()))
        .exec(&txn)
        .await?
        .rows_affected;
    if changed == 0 {
        txn.rollback().await?;
        return Ok(false);
    }
    // Ids and codes only: the audit log holds no names or addresses.
    crate::audit::record(
        &txn,
        Some(actor.id),
        "attendance_corrected",
        Some(("attendance_mark", old.id)),
        Some(serde_json::json!({
            "session_id": session_id,
            "slot_id": old.slot_id,
            "enrolment_id": old.enrolment_id,
            "old_status": old.status,
            "old_method": old.method,
            "new_status": status.code(),
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// Signs the roll call of a half-day once it has started. Signing again
/// keeps the first signature; marks stay correctable (and audited) after.
pub async fn confirm_slot(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    input: &SlotRef,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    use session_slots::{Column, Entity};
    let session = require_manager(db, actor, input.session_id).await?;
    ensure_not_cancelled(&session)?;
    let slot = slot_of(db, session.id, input.slot_id).await?;
    if !may_sign(now, slot.starts_at) {
        return Err(AttendanceError::NotStarted.into());
    }
    let txn = db.begin_write().await?;
    let signed = Entity::update_many()
        .col_expr(Column::ConfirmedAt, Expr::value(now))
        .col_expr(Column::ConfirmedBy, Expr::value(actor.id))
        .filter(Column::Id.eq(slot.id))
        .filter(Column::ConfirmedAt.is_null())
        .exec(&txn)
        .await?
        .rows_affected;
    if signed == 1 {
        crate::audit::record(
            &txn,
            Some(actor.id),
            "attendance_slot_signed",
            Some(("session_slot", slot.id)),
            Some(serde_json::json!({ "session_id": session.id })),
        )
        .await?;
    }
    txn.commit().await?;
    // The last signature makes an ended session « Réalisée ». The roll call
    // is signed whatever happens here: on failure the periodic job retries.
    if let Err(e) = close_if_held(db, session.id, now).await {
        tracing::error!(error = ?e, session = session.id, "cannot mark the session held");
    }
    Ok(())
}
