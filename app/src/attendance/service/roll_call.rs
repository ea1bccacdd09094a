//! The roll call of one half-day as its page shows it: each confirmed
//! learner with their structure, mark and apology, the signature, and the
//! state of the check-in code.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::codes::live_until;
use super::scope::slot_of;
use crate::attendance::rules::checkin::may_sign;
use crate::attendance::rules::{Attendance, MarkMethod};
use crate::attendance::types::{RollCall, RollCallLine};
use crate::auth::CurrentUser;
use crate::calendar::{french_date, french_time, to_local};
use crate::db::entities::{attendance_marks, users};
use crate::error::AppError;
use crate::sessions::rules::{EnrolmentStatus, Mode};
use crate::sessions::service::access::require_manager;
use crate::sessions::service::roster::enrolled;
use crate::sessions::service::view::slot_view;

/// A confirmed learner: enrolment id, name and structure.
pub struct Learner {
    pub enrolment_id: i32,
    pub name: String,
    pub structure: Option<String>,
}

/// The session's confirmed learners, by name.
pub async fn learners(
    db: &impl ConnectionTrait,
    session_id: i32,
) -> Result<Vec<Learner>, AppError> {
    let mut learners: Vec<Learner> = enrolled(db, session_id, &[EnrolmentStatus::Confirmed])
        .await?
        .into_iter()
        .map(|p| Learner {
            enrolment_id: p.enrolment.id,
            name: p.user.display_name,
            structure: p.structure,
        })
        .collect();
    learners.sort_by_key(|l| l.name.to_lowercase());
    Ok(learners)
}

pub async fn roll_call(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    session_id: i32,
    slot_id: i32,
    now: DateTime<Utc>,
) -> Result<RollCall, AppError> {
    let session = require_manager(db, actor, session_id).await?;
    let slot = slot_of(db, session.id, slot_id).await?;
    let marks: HashMap<i32, attendance_marks::Model> = attendance_marks::Entity::find()
        .filter(attendance_marks::Column::SlotId.eq(slot.id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.enrolment_id, m))
        .collect();
    let lines = learners(db, session.id)
        .await?
        .into_iter()
        .map(|l| {
            let mark = marks.get(&l.enrolment_id);
            let method = mark.and_then(|m| MarkMethod::from_code(&m.method));
            RollCallLine {
                enrolment_id: l.enrolment_id,
                name: l.name,
                structure: l.structure,
                status: mark.and_then(|m| Attendance::from_code(&m.status)),
                method,
                apology: (method == Some(MarkMethod::Apology))
                    .then(|| mark.and_then(|m| m.note.clone()).unwrap_or_default()),
            }
        })
        .collect();
    let signed = match (slot.confirmed_at, slot.confirmed_by) {
        (Some(at), by) => {
            let name = match by {
                Some(id) => users::Entity::find_by_id(id)
                    .one(db)
                    .await?
                    .map(|u| u.display_name),
                None => None,
            };
            let local = to_local(at);
            Some(format!(
                "Appel signé le {} à {} par {}",
                french_date(local.date()),
                french_time(local.time()),
                name.unwrap_or_else(|| "un compte supprimé".to_owned())
            ))
        }
        (None, _) => None,
    };
    let codes = Mode::from_code(&session.mode).is_some_and(Mode::has_visio);
    let code_until = if codes {
        live_until(db, slot.id, now)
            .await?
            .map(|t| french_time(to_local(t).time()))
    } else {
        None
    };
    Ok(RollCall {
        session_id: session.id,
        session_title: session.title,
        slot_id: slot.id,
        slot: slot_view(&slot),
        codes,
        may_sign: slot.confirmed_at.is_none() && may_sign(now, slot.starts_at),
        signed,
        code_until,
        lines,
    })
}
