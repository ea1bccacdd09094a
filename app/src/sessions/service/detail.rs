//! One session as its page shows it: details for everyone, the caller's own
//! enrolment, and for those who manage it the roster and the edit form.

use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::access::may_manage;
use super::enrol::first_slot_start;
use super::roster::enrolled;
use super::view::summaries;
use crate::auth::CurrentUser;
use crate::calendar::{french_date, french_time, to_local};
use crate::db::entities::{enrolments, modules, session_trainers, training_sessions, users};
use crate::error::AppError;
use crate::sessions::rules::changes::{may_edit, may_reopen};
use crate::sessions::rules::seats::{enrolment_open, learner_may_cancel};
use crate::sessions::rules::{EnrolmentStatus, Status};
use crate::sessions::types::{
    MyEnrolment, RosterLine, SessionDetail, SessionForm, SlotForm, SlotView,
};

fn as_form(s: &training_sessions::Model, trainers: &[i32], slots: &[SlotView]) -> SessionForm {
    let mut form = SessionForm {
        session_id: s.id.to_string(),
        module_id: s.module_id.to_string(),
        title: s.title.clone(),
        mode: s.mode.clone(),
        place_address: s.place_address.clone().unwrap_or_default(),
        place_room: s.place_room.clone().unwrap_or_default(),
        visio_url: s.visio_url.clone().unwrap_or_default(),
        capacity: s.capacity.to_string(),
        programme_year: s.programme_year.to_string(),
        enrolment_deadline: s
            .enrolment_deadline
            .map(|d| to_local(d).format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_default(),
        ..Default::default()
    };
    let ids: Vec<String> = trainers.iter().map(i32::to_string).collect();
    form.trainer_1 = ids.first().cloned().unwrap_or_default();
    form.trainer_2 = ids.get(1).cloned().unwrap_or_default();
    form.trainer_3 = ids.get(2).cloned().unwrap_or_default();
    for (row, slot) in form.slots_mut().into_iter().zip(slots) {
        *row = SlotForm {
            day: slot.day.format("%Y-%m-%d").to_string(),
            half_day: slot.half_day.code().to_owned(),
            start: slot.start_value.clone(),
            end: slot.end_value.clone(),
        };
    }
    form
}

pub async fn detail(
    db: &DatabaseConnection,
    user: Option<&CurrentUser>,
    id: i32,
) -> Result<SessionDetail, AppError> {
    let session = training_sessions::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let module = modules::Entity::find_by_id(session.module_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let can_manage = may_manage(db, user, id).await?;
    let trainer_rows = session_trainers::Entity::find()
        .filter(session_trainers::Column::SessionId.eq(id))
        .find_also_related(users::Entity)
        .all(db)
        .await?;
    let trainer_ids: Vec<i32> = trainer_rows.iter().map(|(t, _)| t.user_id).collect();
    let trainers = trainer_rows
        .into_iter()
        .filter_map(|(_, u)| u.map(|u| u.display_name))
        .collect();
    let first = first_slot_start(db, id).await?;
    let now = Utc::now();
    let mine = match user {
        None => None,
        Some(u) => enrolments::Entity::find()
            .filter(enrolments::Column::SessionId.eq(id))
            .filter(enrolments::Column::UserId.eq(u.id))
            .one(db)
            .await?
            .and_then(|e| {
                let status = EnrolmentStatus::from_code(&e.status)?;
                Some(MyEnrolment {
                    id: e.id,
                    status,
                    may_cancel: status != EnrolmentStatus::Cancelled
                        && session.status == Status::Planned.code()
                        && learner_may_cancel(now, session.enrolment_deadline, first),
                })
            }),
    };
    let roster = if can_manage {
        roster(db, id).await?
    } else {
        Vec::new()
    };
    let confirmed_me = mine
        .as_ref()
        .is_some_and(|m| m.status == EnrolmentStatus::Confirmed);
    let (summary, _) = summaries(db, vec![session.clone()])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let can_reopen = can_manage
        && may_reopen(summary.status, super::reopen::last_end(db, id).await?, now).is_ok();
    let editable = user.is_some_and(|u| may_edit(summary.status, u.role));
    let form = (can_manage && editable).then(|| as_form(&session, &trainer_ids, &summary.slots));
    Ok(SessionDetail {
        module_slug: module.slug,
        place_address: session.place_address.clone(),
        place_room: session.place_room.clone(),
        visio_url: (can_manage || confirmed_me)
            .then(|| session.visio_url.clone())
            .flatten(),
        trainers,
        cancel_reason: session.cancel_reason.clone(),
        programme_year: session.programme_year,
        enrolment_deadline: session.enrolment_deadline.map(|d| {
            let l = to_local(d);
            format!("{} à {}", french_date(l.date()), french_time(l.time()))
        }),
        enrolment_open: summary.status == Status::Planned
            && enrolment_open(now, session.enrolment_deadline, first),
        signed_in: user.is_some(),
        email_unconfirmed: user.is_some_and(|u| !u.email_verified),
        mine,
        can_manage,
        can_reopen,
        roster,
        form,
        summary,
    })
}

/// Confirmed people, then those waiting, each by enrolment time.
async fn roster(db: &DatabaseConnection, id: i32) -> Result<Vec<RosterLine>, AppError> {
    let people = enrolled(
        db,
        id,
        &[EnrolmentStatus::Confirmed, EnrolmentStatus::Waiting],
    )
    .await?;
    let mut lines: Vec<RosterLine> = people
        .into_iter()
        .map(|p| RosterLine {
            enrolment_id: p.enrolment.id,
            structure: p.structure,
            name: p.user.display_name,
            email: p.user.email,
            status: EnrolmentStatus::from_code(&p.enrolment.status)
                .unwrap_or(EnrolmentStatus::Waiting),
        })
        .collect();
    // Stable: keeps the enrolment order within each group.
    lines.sort_by_key(|l| l.status != EnrolmentStatus::Confirmed);
    Ok(lines)
}
