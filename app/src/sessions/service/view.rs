//! What lists show: the public list of upcoming sessions, the month
//! calendar, the sessions a trainer teaches, and the choices of the session form.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, Order, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};

use crate::auth::CurrentUser;
use crate::calendar::{french_time, to_local};
use crate::db::entities::{
    enrolments, modules, session_slots, session_trainers, training_sessions, users,
};
use crate::error::AppError;
use crate::roles::Role;
use crate::sessions::rules::month::Month;
use crate::sessions::rules::month_days::{Scheduled, month_days};
use crate::sessions::rules::page::{Cursor, MANAGED_PER_PAGE};
use crate::sessions::rules::seats::remaining_seats;
use crate::sessions::rules::{EnrolmentStatus, HalfDay, Mode, Status};
use crate::sessions::types::{
    Choice, FormOptions, ListFilter, ManagedPage, SessionList, SessionSummary, SlotView,
};

/// A slot as pages show it, in Metz time (also used by « Mon espace » and
/// attendance).
pub fn slot_view(s: &session_slots::Model) -> SlotView {
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

/// « address — room », the address alone, or nothing (a distance session).
pub fn place(s: &training_sessions::Model) -> Option<String> {
    match (&s.place_address, &s.place_room) {
        (Some(a), Some(r)) => Some(format!("{a} — {r}")),
        (Some(a), None) => Some(a.clone()),
        _ => None,
    }
}

/// Summaries of `sessions`, in their order, slots and seat counts loaded in
/// three queries.
pub(super) async fn summaries(
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
    // One row per session and status, counted by the database.
    let rows: Vec<(i32, String, i64)> = enrolments::Entity::find()
        .select_only()
        .column(enrolments::Column::SessionId)
        .column(enrolments::Column::Status)
        .column_as(enrolments::Column::Id.count(), "count")
        .filter(enrolments::Column::SessionId.is_in(ids))
        .group_by(enrolments::Column::SessionId)
        .group_by(enrolments::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    let counts: HashMap<(i32, String), i64> = rows
        .into_iter()
        .map(|(session, status, count)| ((session, status), count))
        .collect();
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
            let place = place(&s);
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
    let modules = module_choices(db, true).await?;
    let now = Utc::now();
    if filter.month_view() {
        let month = Month::parse(&filter.month).unwrap_or(Month::of(to_local(now).date()));
        let sessions = of_month(db, filter, month).await?;
        let scheduled: Vec<Scheduled> = sessions
            .iter()
            .map(|s| Scheduled {
                id: s.id,
                title: &s.title,
                cancelled: s.status == Status::Cancelled,
                half_days: s.slots.iter().map(|x| (x.day, x.half_day)).collect(),
            })
            .collect();
        return Ok(SessionList {
            sessions: Vec::new(),
            modules,
            month: Some(month.code()),
            month_days: month_days(month, &scheduled),
        });
    }
    Ok(SessionList {
        sessions: upcoming(db, filter, now).await?,
        modules,
        month: None,
        month_days: Vec::new(),
    })
}

/// The module and mode filters of the list and of the month view.
fn filtered(filter: &ListFilter) -> Select<training_sessions::Entity> {
    let mut query = training_sessions::Entity::find();
    if let Ok(module) = filter.module.trim().parse::<i32>() {
        query = query.filter(training_sessions::Column::ModuleId.eq(module));
    }
    if let Some(mode) = Mode::from_code(filter.mode.trim()) {
        query = query.filter(training_sessions::Column::Mode.eq(mode.code()));
    }
    query
}

/// Every session with a slot in `month` (held and cancelled ones included).
async fn of_month(
    db: &DatabaseConnection,
    filter: &ListFilter,
    month: Month,
) -> Result<Vec<SessionSummary>, AppError> {
    let first = month.first_day();
    let next = month.next().first_day();
    let ids: Vec<i32> = session_slots::Entity::find()
        .select_only()
        .column(session_slots::Column::SessionId)
        .distinct()
        .filter(session_slots::Column::Day.gte(first))
        .filter(session_slots::Column::Day.lt(next))
        .into_tuple()
        .all(db)
        .await?;
    let query = filtered(filter).filter(training_sessions::Column::Id.is_in(ids));
    let mut rows = summaries(db, query.all(db).await?).await?;
    rows.sort_by_key(|(_, slots)| slots.first().map(|s| s.starts_at));
    Ok(rows.into_iter().map(|(s, _)| s).collect())
}

async fn upcoming(
    db: &DatabaseConnection,
    filter: &ListFilter,
    now: chrono::DateTime<Utc>,
) -> Result<Vec<SessionSummary>, AppError> {
    // Only sessions with a half-day still to end (and, with a month chosen,
    // one in that month) are read: the past years stay in the database.
    let mut query = filtered(filter)
        .filter(training_sessions::Column::Status.ne(Status::Held.code()))
        .filter(Expr::exists(with_slot(
            session_slots::Column::EndsAt.gte(now),
        )));
    let month =
        chrono::NaiveDate::parse_from_str(&format!("{}-01", filter.month.trim()), "%Y-%m-%d").ok();
    if let Some(first) = month {
        let next = Month::of(first).next().first_day();
        query = query.filter(Expr::exists(with_slot(
            session_slots::Column::Day
                .gte(first)
                .and(session_slots::Column::Day.lt(next)),
        )));
    }
    let mut rows = summaries(db, query.all(db).await?).await?;
    rows.sort_by_key(|(_, slots)| slots.first().map(|s| s.starts_at));
    Ok(rows.into_iter().map(|(s, _)| s).collect())
}

/// For `EXISTS`: a half-day of the outer query's session that meets `condition`.
fn with_slot(condition: Expr) -> SelectStatement {
    Query::select()
        .expr(Expr::val(1))
        .from(session_slots::Entity)
        .and_where(
            Expr::col((session_slots::Entity, session_slots::Column::SessionId))
                .equals((training_sessions::Entity, training_sessions::Column::Id)),
        )
        .and_where(condition)
        .to_owned()
}

/// One page of the sessions `user` teaches (every session for the
/// coordinator), latest first: [`MANAGED_PER_PAGE`] sessions after `after`,
/// ordered by their first half-day's start, then id, both descending.
pub async fn manage_list(
    db: &DatabaseConnection,
    user: &CurrentUser,
    after: Option<Cursor>,
) -> Result<ManagedPage, AppError> {
    let mut query = training_sessions::Entity::find();
    if user.role != Role::Coordinator {
        let teaches = Query::select()
            .expr(Expr::val(1))
            .from(session_trainers::Entity)
            .and_where(
                Expr::col((
                    session_trainers::Entity,
                    session_trainers::Column::SessionId,
                ))
                .equals((training_sessions::Entity, training_sessions::Column::Id)),
            )
            .and_where(session_trainers::Column::UserId.eq(user.id))
            .to_owned();
        query = query.filter(Expr::exists(teaches));
    }
    let total = query.clone().count(db).await?;
    let first_start = Expr::col((session_slots::Entity, session_slots::Column::StartsAt)).min();
    let mut page = query
        .inner_join(session_slots::Entity)
        .group_by(training_sessions::Column::Id);
    if let Some(after) = after {
        page = page.having(crate::db::keyset::before(vec![
            (first_start.clone(), after.first_start.into()),
            (
                Expr::col((training_sessions::Entity, training_sessions::Column::Id)),
                after.id.into(),
            ),
        ]));
    }
    let mut rows = page
        .order_by(first_start, Order::Desc)
        .order_by(training_sessions::Column::Id, Order::Desc)
        .limit(MANAGED_PER_PAGE + 1)
        .all(db)
        .await?;
    let more = rows.len() as u64 > MANAGED_PER_PAGE;
    rows.truncate(MANAGED_PER_PAGE as usize);
    // `summaries` keeps the order of the database.
    let rows = summaries(db, rows).await?;
    let next = more.then(|| rows.last()).flatten().and_then(|(s, slots)| {
        slots.first().map(|first| {
            Cursor {
                first_start: first.starts_at,
                id: s.id,
            }
            .code()
        })
    });
    Ok(ManagedPage {
        total,
        sessions: rows.into_iter().map(|(s, _)| s).collect(),
        next,
        later_page: after.is_some(),
    })
}

/// The modules in catalogue order (only the published ones for the list's
/// filter; every one for the form, so a session of a draft module can be
/// planned, archived ones marked so: the server keeps them only on a session
/// that already has them).
async fn module_choices(
    db: &DatabaseConnection,
    published_only: bool,
) -> Result<Vec<Choice>, AppError> {
    let mut query = modules::Entity::find().order_by_asc(modules::Column::Position);
    if published_only {
        query = query.filter(modules::Column::Published.eq(true));
    }
    Ok(query
        .all(db)
        .await?
        .into_iter()
        .map(|m| Choice {
            id: m.id,
            label: match m.archived_at {
                Some(_) => format!("{} (archivé)", m.title),
                None => m.title,
            },
        })
        .collect())
}

pub async fn form_options(db: &DatabaseConnection) -> Result<FormOptions, AppError> {
    let modules = module_choices(db, false).await?;
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
