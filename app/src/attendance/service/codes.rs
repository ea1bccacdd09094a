//! Check-in codes of distance and hybrid half-days.
//!
//! A code is six digits drawn from the operating system's CSPRNG (through
//! `rand`'s thread generator), shown once to the trainer and stored only as
//! a SHA-256 hash salted with the slot id. It is valid five minutes.
//! « Nouveau code » expires the previous codes at once: a trainer rotates a
//! code because it went further than the meeting, so it must stop working.
//!
//! A learner's check-in is accepted from 15 minutes before the slot to its
//! end; it records present, or late after 15 minutes, at the server's time.
//! Every try counts in a database rate limit per learner and slot (so it
//! holds across server instances and concurrent guesses): the sixth try
//! within ten minutes is refused, whatever the code.

use crate::db::BeginWrite;
use chrono::{DateTime, Utc};
use rand::Rng;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    sea_query::Expr,
};

use super::scope::{
    ensure_not_cancelled, insert_if_absent, mark_of, new_mark, own_enrolment, slot_of,
};
use crate::attendance::rules::checkin::{CODE_LIFETIME, checkin_open, checkin_status, parse_code};
use crate::attendance::rules::{Attendance, AttendanceError, MarkMethod};
use crate::attendance::types::{CheckInInput, CheckinCode, SlotRef};
use crate::auth::CurrentUser;
use crate::auth::rate_limit::{Limit, hit};
use crate::calendar::{french_time, to_local};
use crate::db::entities::{attendance_marks, checkin_codes};
use crate::error::AppError;
use crate::sessions::rules::Mode;
use crate::sessions::service::access::{require_manager, session_or_404};
use crate::sessions::service::roster::slots;

/// Check-in tries per learner and slot: 5 per 10 minutes.
pub const CHECKIN_LIMIT: Limit = Limit {
    max: 5,
    window: chrono::Duration::minutes(10),
};

/// The stored form of `code` for `slot_id`.
pub fn hash_code(slot_id: i32, code: &str) -> String {
    crate::auth::tokens::hash_token(&format!("checkin:{slot_id}:{code}"))
}

/// Draws a new code for the slot and expires the slot's previous codes; no
/// access check (the server function checks first). Public so that
/// benchmarks and demo tools can open a check-in: it returns the code in
/// clear, which is never stored.
pub async fn issue_code(
    db: &DatabaseConnection,
    slot_id: i32,
    now: DateTime<Utc>,
) -> Result<(String, DateTime<Utc>), AppError> {
    use checkin_codes::{ActiveModel, Column, Entity};
    let code = format!("{:06}", rand::rng().random_range(0..1_000_000u32));
    let expires = now + CODE_LIFETIME;
    let txn = db.begin_write().await?;
    Entity::update_many()
        .col_expr(Column::ExpiresAt, Expr::value(now))
        .filter(Column::SlotId.eq(slot_id))
        .filter(Column::ExpiresAt.gt(now))
        .exec(&txn)
        .await?;
    Entity::insert(ActiveModel {
        slot_id: Set(slot_id),
        code_hash: Set(hash_code(slot_id, &code)),
        created_at: Set(now),
        expires_at: Set(expires),
        ..Default::default()
    })
    .exec_without_returning(&txn)
    .await?;
    txn.commit().await?;
    Ok((code, expires))
}

/// « Nouveau code »: for the session's trainers and the coordinator, during
/// the check-in window of a distance or hybrid half-day.
pub async fn new_code(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    input: &SlotRef,
    now: DateTime<Utc>,
) -> Result<CheckinCode, AppError> {
    let session = require_manager(db, actor, input.session_id).await?;
    ensure_not_cancelled(&session)?;
    let slot = slot_of(db, session.id, input.slot_id).await?;
    if !Mode::from_code(&session.mode).is_some_and(Mode::has_visio) {
        return Err(AttendanceError::CodesNeedVisio.into());
    }
    if !checkin_open(now, slot.starts_at, slot.ends_at) {
        return Err(AttendanceError::CodeOutsideWindow.into());
    }
    let (code, expires) = issue_code(db, slot.id, now).await?;
    Ok(CheckinCode {
        code,
        valid_until: french_time(to_local(expires).time()),
    })
}

/// When the slot's live code expires, if one is live.
pub async fn live_until(
    db: &DatabaseConnection,
    slot_id: i32,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, AppError> {
    use checkin_codes::{Column, Entity};
    Ok(Entity::find()
        .filter(Column::SlotId.eq(slot_id))
        .filter(Column::ExpiresAt.gt(now))
        .order_by_desc(Column::ExpiresAt)
        .one(db)
        .await?
        .map(|c| c.expires_at))
}

/// A confirmed learner checks in with the code of the half-day under way.
/// Idempotent: once a mark says attended (check-in or the trainer's), it
/// is kept and returned.
pub async fn check_in(
    db: &DatabaseConnection,
    user: &CurrentUser,
    input: &CheckInInput,
    now: DateTime<Utc>,
) -> Result<Attendance, AppError> {
    let session = session_or_404(db, input.session_id).await?;
    ensure_not_cancelled(&session)?;
    let enrolment = own_enrolment(db, session.id, user.id).await?;
    let code = parse_code(&input.code)?;
    let slot = slots(db, session.id)
        .await?
        .into_iter()
        .find(|s| checkin_open(now, s.starts_at, s.ends_at))
        .ok_or(AttendanceError::NoHalfDayUnderWay)?;
    let existing = mark_of(db, slot.id, enrolment.id).await?;
    if let Some(done) = attended(existing.as_ref()) {
        return Ok(done);
    }
    let key = format!("checkin:{}:{}", user.id, slot.id);
    if hit(db, &key, CHECKIN_LIMIT, now).await? > CHECKIN_LIMIT.max {
        return Err(AppError::TooManyRequests);
    }
    verify(db, slot.id, &code, now).await?;
    let status = checkin_status(now, slot.starts_at);
    let fresh = new_mark(
        slot.id,
        enrolment.id,
        status,
        MarkMethod::Code,
        user.id,
        now,
    );
    for _ in 0..3 {
        let Some(old) = mark_of(db, slot.id, enrolment.id).await? else {
            if insert_if_absent(db, fresh.clone()).await? {
                return Ok(status);
            }
            continue;
        };
        if let Some(done) = attended(Some(&old)) {
            return Ok(done);
        }
        // An absence or apology gives way to the proof of presence.
        use attendance_marks::{Column, Entity};
        let changed = Entity::update_many()
            .col_expr(Column::Status, Expr::value(status.code()))
            .col_expr(Column::Method, Expr::value(MarkMethod::Code.code()))
            .col_expr(Column::RecordedAt, Expr::value(now))
            .col_expr(Column::RecordedBy, Expr::value(user.id))
            .filter(Column::Id.eq(old.id))
            .filter(Column::Status.eq(old.status.as_str()))
            .exec(db)
            .await?
            .rows_affected;
        if changed == 1 {
            return Ok(status);
        }
    }
    Err(AppError::conflict(
        "Votre présence vient d’être modifiée : rechargez la page pour la voir.",
    ))
}

fn attended(mark: Option<&attendance_marks::Model>) -> Option<Attendance> {
    mark.and_then(|m| Attendance::from_code(&m.status))
        .filter(|a| a.attended())
}

async fn verify(
    db: &DatabaseConnection,
    slot_id: i32,
    code: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    use checkin_codes::{Column, Entity};
    let found = Entity::find()
        .filter(Column::SlotId.eq(slot_id))
        .filter(Column::CodeHash.eq(hash_code(slot_id, code)))
        .order_by_desc(Column::ExpiresAt)
        .one(db)
        .await?;
    match found {
        None => Err(AttendanceError::WrongCode.into()),
        Some(c) if c.expires_at <= now => Err(AttendanceError::ExpiredCode.into()),
        Some(_) => Ok(()),
    }
}
