//! The attendance parts of a session page: the « Présences » table
//! (learners × half-days, with rates) for those who manage the session, and
//! « Ma présence » for a confirmed learner, who sees only their own marks.
//!
//! Rates count the half-days already started: before the end of a session,
//! a half-day still to come is not an absence.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::roll_call::learners;
use crate::attendance::rules::checkin::{checkin_open, may_apologise};
use crate::attendance::rules::marks::{attendance_rate, session_rate};
use crate::attendance::rules::{Attendance, MarkMethod};
use crate::attendance::types::{
    MyAttendance, MySlot, PresenceRow, PresenceSlot, PresenceTable, SessionAttendance,
};
use crate::auth::CurrentUser;
use crate::db::entities::{attendance_marks, enrolments, session_slots};
use crate::error::AppError;
use crate::sessions::rules::{EnrolmentStatus, Mode, Status};
use crate::sessions::service::access::{may_manage, session_or_404};
use crate::sessions::service::roster::slots;
use crate::sessions::service::view::slot_view;

pub async fn session_attendance(
    db: &DatabaseConnection,
    user: &CurrentUser,
    session_id: i32,
    now: DateTime<Utc>,
) -> Result<SessionAttendance, AppError> {
    let session = session_or_404(db, session_id).await?;
    let slots = slots(db, session.id).await?;
    let table = if may_manage(db, Some(user), session.id).await? {
        Some(table(db, session.id, &slots, now).await?)
    } else {
        None
    };
    let own = enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.eq(session.id))
        .filter(enrolments::Column::UserId.eq(user.id))
        .filter(enrolments::Column::Status.eq(EnrolmentStatus::Confirmed.code()))
        .one(db)
        .await?;
    let live = session.status != Status::Cancelled.code();
    let remote = Mode::from_code(&session.mode).is_some_and(Mode::has_visio);
    let mine = match own {
        Some(e) => Some(mine(db, e.id, &slots, now, live, remote).await?),
        None => None,
    };
    Ok(SessionAttendance { table, mine })
}

async fn marks_of(
    db: &DatabaseConnection,
    slots: &[session_slots::Model],
    enrolment: Option<i32>,
) -> Result<HashMap<(i32, i32), attendance_marks::Model>, AppError> {
    let mut query = attendance_marks::Entity::find().filter(
        attendance_marks::Column::SlotId.is_in(slots.iter().map(|s| s.id).collect::<Vec<_>>()),
    );
    if let Some(e) = enrolment {
        query = query.filter(attendance_marks::Column::EnrolmentId.eq(e));
    }
    Ok(query
        .all(db)
        .await?
        .into_iter()
        .map(|m| ((m.slot_id, m.enrolment_id), m))
        .collect())
}

fn status(mark: Option<&attendance_marks::Model>) -> Option<Attendance> {
    mark.and_then(|m| Attendance::from_code(&m.status))
}

async fn table(
    db: &DatabaseConnection,
    session_id: i32,
    slots: &[session_slots::Model],
    now: DateTime<Utc>,
) -> Result<PresenceTable, AppError> {
    let marks = marks_of(db, slots, None).await?;
    let begun: Vec<&session_slots::Model> = slots.iter().filter(|s| s.starts_at <= now).collect();
    let learners = learners(db, session_id).await?;
    let mut total = 0;
    let rows = learners
        .iter()
        .map(|l| {
            let attended = begun
                .iter()
                .filter(|s| {
                    status(marks.get(&(s.id, l.enrolment_id))).is_some_and(Attendance::attended)
                })
                .count();
            total += attended;
            PresenceRow {
                name: l.name.clone(),
                statuses: slots
                    .iter()
                    .map(|s| status(marks.get(&(s.id, l.enrolment_id))))
                    .collect(),
                rate: attendance_rate(attended, begun.len()),
            }
        })
        .collect();
    Ok(PresenceTable {
        slots: slots
            .iter()
            .map(|s| PresenceSlot {
                slot_id: s.id,
                slot: slot_view(s),
                signed: s.confirmed_at.is_some(),
            })
            .collect(),
        rows,
        rate: session_rate(total, learners.len(), begun.len()),
    })
}

async fn mine(
    db: &DatabaseConnection,
    enrolment: i32,
    slots: &[session_slots::Model],
    now: DateTime<Utc>,
    live: bool,
    remote: bool,
) -> Result<MyAttendance, AppError> {
    let marks = marks_of(db, slots, Some(enrolment)).await?;
    let begun = slots.iter().filter(|s| s.starts_at <= now).count();
    let mut attended = 0;
    let slots_view = slots
        .iter()
        .map(|s| {
            let mark = marks.get(&(s.id, enrolment));
            let method = mark.and_then(|m| MarkMethod::from_code(&m.method));
            let apology = method == Some(MarkMethod::Apology);
            let future = live && may_apologise(now, s.starts_at);
            if s.starts_at <= now && status(mark).is_some_and(Attendance::attended) {
                attended += 1;
            }
            MySlot {
                slot_id: s.id,
                slot: slot_view(s),
                status: status(mark),
                method,
                apology: apology.then(|| mark.and_then(|m| m.note.clone()).unwrap_or_default()),
                may_apologise: future && (mark.is_none() || apology),
                may_withdraw: future && apology,
            }
        })
        .collect();
    Ok(MyAttendance {
        slots: slots_view,
        rate: attendance_rate(attended, begun),
        checkin_open: live
            && remote
            && slots
                .iter()
                .any(|s| checkin_open(now, s.starts_at, s.ends_at)),
    })
}
