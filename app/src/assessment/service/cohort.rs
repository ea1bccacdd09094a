//! The trainer's view of a session's questionnaires: per self-assessment
//! item the means before and after, the paired change and the share who
//! improved; response rates per phase; the à-chaud summary.
//!
//! Only confirmed enrolments count (they are the denominator of the rates),
//! and the answers after the course of people absent throughout do not.
//! Items are grouped by wording, so an item kept unchanged across versions
//! stays comparable, and a reworded one is a different item.

use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use super::answers::{Row, rows};
use super::satisfaction::{follow_up, summary};
use crate::assessment::rules::cohort::{figures, rate};
use crate::assessment::rules::windows::absent_throughout;
use crate::assessment::rules::{Kind, Phase};
use crate::assessment::types::{CohortItem, CohortView, PhaseRate};
use crate::attendance::rules::Attendance;
use crate::auth::CurrentUser;
use crate::db::entities::{attendance_marks, enrolments};
use crate::error::AppError;
use crate::sessions::rules::{EnrolmentStatus, Status};
use crate::sessions::service::access::require_manager;
use crate::sessions::service::roster::slots;

/// `(enrolment, value)` answers of one item, before and after.
type BeforeAfter = (Vec<(i32, i32)>, Vec<(i32, i32)>);

fn self_assessment(rows: &[Row]) -> Vec<CohortItem> {
    let mut order: Vec<(String, bool)> = Vec::new();
    let mut values: HashMap<&str, BeforeAfter> = HashMap::new();
    for r in rows
        .iter()
        .filter(|r| r.phase.kind() == Kind::SelfAssessment)
    {
        let (Some(v), true) = (r.answer.value_int, r.phase != Phase::Retrospective) else {
            continue;
        };
        if !order.iter().any(|(p, _)| *p == r.item.prompt) {
            order.push((r.item.prompt.clone(), r.item.is_crisis_item));
        }
        let entry = values.entry(r.item.prompt.as_str()).or_default();
        match r.phase {
            Phase::Before => entry.0.push((r.enrolment, v)),
            _ => entry.1.push((r.enrolment, v)),
        }
    }
    order
        .into_iter()
        .map(|(prompt, is_crisis_item)| {
            let (before, after) = values.remove(prompt.as_str()).unwrap_or_default();
            CohortItem {
                figures: figures(&before, &after),
                prompt,
                is_crisis_item,
            }
        })
        .collect()
}

pub async fn cohort(
    db: &DatabaseConnection,
    user: &CurrentUser,
    session_id: i32,
) -> Result<CohortView, AppError> {
    let session = require_manager(db, user, session_id).await?;
    let confirmed: Vec<i32> = enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.eq(session_id))
        .filter(enrolments::Column::Status.eq(EnrolmentStatus::Confirmed.code()))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.id)
        .collect();
    // The answers after the course of someone absent throughout do not count
    // (they should not have been asked: `rules::windows::absent_throughout`).
    let signed: Vec<bool> = slots(db, session_id)
        .await?
        .iter()
        .map(|s| s.confirmed_at.is_some())
        .collect();
    let held = session.status == Status::Held.code();
    let attended: HashSet<i32> = attendance_marks::Entity::find()
        .select_only()
        .column(attendance_marks::Column::EnrolmentId)
        .filter(attendance_marks::Column::EnrolmentId.is_in(confirmed.iter().copied()))
        .filter(attendance_marks::Column::Status.is_in(Attendance::attended_codes()))
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let rows: Vec<Row> = rows(db, &confirmed)
        .await?
        .into_iter()
        .filter(|r| {
            !r.phase.needs_attendance()
                || !absent_throughout(attended.contains(&r.enrolment), held, &signed)
        })
        .collect();
    let rates = Phase::ALL
        .into_iter()
        .map(|phase| {
            let mut who: Vec<i32> = rows
                .iter()
                .filter(|r| r.phase == phase)
                .map(|r| r.enrolment)
                .collect();
            who.sort_unstable();
            who.dedup();
            PhaseRate {
                phase,
                answered: who.len(),
                rate: rate(who.len(), confirmed.len()),
            }
        })
        .collect();
    Ok(CohortView {
        session_id,
        session_title: session.title,
        confirmed: confirmed.len(),
        rates,
        items: self_assessment(&rows),
        satisfaction: summary(&rows),
        follow_up: follow_up(&rows),
    })
}
