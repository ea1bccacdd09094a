//! What pages show: the public list of upcoming sessions, the sessions a
//! trainer teaches, one session's details (with its roster for those who
//! manage it), and the choices of the session form.

use std::collections::HashMap;

use chrono::{Datelike, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::access::may_manage;
use super::enrol::first_slot_start;
use crate::accounts::CurrentUser;
use crate::db::entities::{
    enrolments, modules, session_slots, session_trainers, structures, training_sessions, users,
};
use crate::error::AppError;
use crate::roles::Role;
use crate::sessions::rules::calendar::{french_date, french_time, to_local};
use crate::sessions::rules::seats::{enrolment_open, learner_may_cancel, remaining_seats};
use crate::sessions::rules::{EnrolmentStatus, HalfDay, Mode, Status};
use crate::sessions::types::{
    Choice, FormOptions, ListFilter, MyEnrolment, RosterLine, SessionDetail, SessionForm,
    SessionList, SessionSummary, SlotForm, SlotView,
};

fn slot_view(s: &session_slots::Model) -> SlotView {
    let (start, end) = (to_local(s.starts_at).time(), to_local(s.ends_at).time());
    SlotView {
        day: s.day,
        half_day: HalfDay::from_code(&s.half_day).unwrap_or(HalfDay::Morning),
        starts: french_time(start),
        ends: french_time(end),
        start_value: start.format("%H:%M").to_string(),
        end_value: end.format("%H:%M").to_string(),
    }
}

/// Summaries of `sessions`, slots and seat counts loaded in three queries.
async fn summaries(
    db: &DatabaseConnection,
    sessions: Vec<training_sessions::Model>,
) -> Result<Vec<(SessionSummary, Vec<session_slots::Model>)>, AppError> {
    let ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let module_titles: HashMap<i32, String> = modules::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.title))
        .collect();
    let mut slots: HashMap<i32, Vec<session_slots::Model>> = HashMap::new();
    for s in session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.is_in(ids.clone()))
        .order_by_asc(session_slots::Column::StartsAt)
        .all(db)
        .await?
    {
        slots.entry(s.session_id).or_default().push(s);
    }
    let mut counts: HashMap<(i32, String), i64> = HashMap::new();
    let rows: Vec<(i32, String)> = enrolments::Entity::find()
        .select_only()
        .column(enrolments::Column::SessionId)
        .column(enrolments::Column::Status)
        .filter(enrolments::Column::SessionId.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    for row in rows {
        *counts.entry(row).or_default() += 1;
    }
    Ok(sessions
        .into_iter()
        .map(|s| {
            let count = |st: EnrolmentStatus| {
                counts
                    .get(&(s.id, st.code().to_owned()))
                    .copied()
                    .unwrap_or(0)
            };
            let confirmed = count(EnrolmentStatus::Confirmed);
            let mine = slots.remove(&s.id).unwrap_or_default();
            let place = match (&s.place_address, &s.place_room) {
                (Some(a), Some(r)) => Some(format!("{a} — {r}")),
                (Some(a), None) => Some(a.clone()),
                _ => None,
            };
            let summary = SessionSummary {
                id: s.id,
                module_title: module_titles.get(&s.module_id).cloned().unwrap_or_default(),
                title: s.title,
                mode: Mode::from_code(&s.mode).unwrap_or(Mode::InPerson),
                status: Status::from_code(&s.status).unwrap_or(Status::Planned),
                place,
                slots: mine.iter().map(slot_view).collect(),
                capacity: s.capacity,
                confirmed,
                waiting: count(EnrolmentStatus::Waiting),
                remaining: remaining_seats(s.capacity, confirmed),
            };
            (summary, mine)
        })
        .collect())
}

/// Sessions not yet over (cancelled ones included, shown as such), first slot first.
pub async fn list(db: &DatabaseConnection, filter: &ListFilter) -> Result<SessionList, AppError> {
    let modules = modules::Entity::find()
        .filter(modules::Column::Published.eq(true))
        .order_by_asc(modules::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|m| Choice {
            id: m.id,
            label: m.title,
        })
        .collect();
    Ok(SessionList {
        sessions: upcoming(db, filter).await?,
        modules,
    })
}

async fn upcoming(
    db: &DatabaseConnection,
    filter: &ListFilter,
) -> Result<Vec<SessionSummary>, AppError> {
    let mut query = training_sessions::Entity::find()
        .filter(training_sessions::Column::Status.ne(Status::Held.code()));
    if let Ok(module) = filter.module.trim().parse::<i32>() {
        query = query.filter(training_sessions::Column::ModuleId.eq(module));
    }
    if let Some(mode) = Mode::from_code(filter.mode.trim()) {
        query = query.filter(training_sessions::Column::Mode.eq(mode.code()));
    }
    let month =
        chrono::NaiveDate::parse_from_str(&format!("{}-01", filter.month.trim()), "%Y-%m-%d").ok();
    let now = Utc::now();
    let mut rows: Vec<(SessionSummary, Vec<session_slots::Model>)> =
        summaries(db, query.all(db).await?)
            .await?
            .into_iter()
            .filter(|(_, slots)| slots.last().is_some_and(|s| s.ends_at >= now))
            .filter(|(_, slots)| {
                month.is_none_or(|m| {
                    slots
                        .iter()
                        .any(|s| s.day.year() == m.year() && s.day.month() == m.month())
                })
            })
            .collect();
    rows.sort_by_key(|(_, slots)| slots.first().map(|s| s.starts_at));
    Ok(rows.into_iter().map(|(s, _)| s).collect())
}

/// The sessions `user` teaches (every session for the coordinator), latest first.
pub async fn manage_list(
    db: &DatabaseConnection,
    user: &CurrentUser,
) -> Result<Vec<SessionSummary>, AppError> {
    let mut query = training_sessions::Entity::find();
    if user.role != Role::Coordinator {
        query = query
            .inner_join(session_trainers::Entity)
            .filter(session_trainers::Column::UserId.eq(user.id));
    }
    let mut rows = summaries(db, query.all(db).await?).await?;
    rows.sort_by_key(|(_, slots)| std::cmp::Reverse(slots.first().map(|s| s.starts_at)));
    Ok(rows.into_iter().map(|(s, _)| s).collect())
}

pub async fn form_options(db: &DatabaseConnection) -> Result<FormOptions, AppError> {
    let modules = modules::Entity::find()
        .order_by_asc(modules::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|m| Choice {
            id: m.id,
            label: m.title,
        })
        .collect();
    let trainers = users::Entity::find()
        .filter(users::Column::Role.is_in([Role::Trainer.code(), Role::Coordinator.code()]))
        .filter(users::Column::Active.eq(true))
        .order_by_asc(users::Column::DisplayName)
        .all(db)
        .await?
        .into_iter()
        .map(|u| Choice {
            id: u.id,
            label: u.display_name,
        })
        .collect();
    Ok(FormOptions { modules, trainers })
}

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
                        && learner_may_cancel(now, session.enrolment_deadline, first),
                })
            }),
    };
    let roster = if can_manage {
        let mut lines: Vec<(enrolments::Model, RosterLine)> = Vec::new();
        for (e, u) in enrolments::Entity::find()
            .filter(enrolments::Column::SessionId.eq(id))
            .filter(enrolments::Column::Status.ne(EnrolmentStatus::Cancelled.code()))
            .order_by_asc(enrolments::Column::EnrolledAt)
            .order_by_asc(enrolments::Column::Id)
            .find_also_related(users::Entity)
            .all(db)
            .await?
        {
            let Some(u) = u else { continue };
            let structure = match u.structure_id {
                Some(sid) => structures::Entity::find_by_id(sid)
                    .one(db)
                    .await?
                    .map(|s| s.name),
                None => None,
            };
            let line = RosterLine {
                enrolment_id: e.id,
                name: u.display_name,
                email: u.email,
                structure,
                status: EnrolmentStatus::from_code(&e.status).unwrap_or(EnrolmentStatus::Waiting),
            };
            lines.push((e, line));
        }
        lines.sort_by_key(|(e, _)| e.status != EnrolmentStatus::Confirmed.code());
        lines.into_iter().map(|(_, l)| l).collect()
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
    let form = can_manage.then(|| as_form(&session, &trainer_ids, &summary.slots));
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
        mine,
        can_manage,
        roster,
        form,
        summary,
    })
}
