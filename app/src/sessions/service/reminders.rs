//! The reminder job's work on the database: find the enrolments whose
//! reminders are due (see `rules::reminders`) and queue each message through
//! the outbox under an idempotency key (`reminder:2d:<session>:<enrolment>`,
//! `reminder:day:<day>:<enrolment>`). The key's unique index is the guard:
//! several server instances may run this at the same moment, and a message is
//! stored once whoever inserts it first.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::convocation::slot_line;
use super::ics;
use crate::db::entities::{enrolments, modules, session_slots, training_sessions, users};
use crate::error::AppError;
use crate::mail::outbox::{self, NewEmail};
use crate::mail::reminder::{self, When};
use crate::sessions::rules::reminders::{
    Enrolled, Reminder, SlotDay, due, morning_of, two_day_lead,
};
use crate::sessions::rules::{EnrolmentStatus, Mode, Status};

/// The idempotency key of a reminder of enrolment `enrolment` in session `session`.
pub fn key(reminder: Reminder, session: i32, enrolment: i32) -> String {
    match reminder {
        Reminder::TwoDays => format!("reminder:2d:{session}:{enrolment}"),
        Reminder::Day(day) => format!("reminder:day:{day}:{enrolment}"),
    }
}

/// Queues every reminder due at `now`; returns how many this call queued.
pub async fn queue_due(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    public_url: &str,
) -> Result<usize, AppError> {
    // Sessions, not cancelled, with a slot not over yet that starts within the lead:
    // every reminder window lies inside that range.
    let session_ids: Vec<i32> = session_slots::Entity::find()
        .select_only()
        .column(session_slots::Column::SessionId)
        .distinct()
        .inner_join(training_sessions::Entity)
        .filter(training_sessions::Column::Status.ne(Status::Cancelled.code()))
        .filter(session_slots::Column::EndsAt.gt(now))
        .filter(session_slots::Column::StartsAt.lte(now + two_day_lead()))
        .into_tuple()
        .all(db)
        .await?;
    if session_ids.is_empty() {
        return Ok(0);
    }
    let sessions: HashMap<i32, training_sessions::Model> = training_sessions::Entity::find()
        .filter(training_sessions::Column::Id.is_in(session_ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let mut slots: HashMap<i32, Vec<session_slots::Model>> = HashMap::new();
    for slot in session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.is_in(session_ids.clone()))
        .order_by_asc(session_slots::Column::StartsAt)
        .all(db)
        .await?
    {
        slots.entry(slot.session_id).or_default().push(slot);
    }
    let places = enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.is_in(session_ids))
        .filter(enrolments::Column::Status.eq(EnrolmentStatus::Confirmed.code()))
        .all(db)
        .await?;

    let mut wanted = Vec::new();
    for place in &places {
        let (Some(session), Some(session_slots)) = (
            sessions.get(&place.session_id),
            slots.get(&place.session_id),
        ) else {
            continue;
        };
        let Some(facts) = facts(session, session_slots, place) else {
            continue;
        };
        for reminder in due(now, &facts) {
            wanted.push((key(reminder, session.id, place.id), reminder, place));
        }
    }
    if wanted.is_empty() {
        return Ok(0);
    }
    // Skip the ones already queued, so each run builds only new messages.
    let queued = outbox::queued_keys(db, wanted.iter().map(|w| w.0.clone())).await?;
    let mut count = 0;
    for (key, reminder, place) in wanted {
        if queued.contains(&key) {
            continue;
        }
        let session = &sessions[&place.session_id];
        let Some(email) = message(
            db,
            key,
            reminder,
            session,
            &slots[&session.id],
            place,
            public_url,
        )
        .await?
        else {
            continue;
        };
        if outbox::queue(db, email).await? {
            count += 1;
        }
    }
    Ok(count)
}

fn facts(
    session: &training_sessions::Model,
    slots: &[session_slots::Model],
    place: &enrolments::Model,
) -> Option<Enrolled> {
    let mut days: BTreeMap<NaiveDate, DateTime<Utc>> = BTreeMap::new();
    for slot in slots {
        let end = days.entry(slot.day).or_insert(slot.ends_at);
        *end = (*end).max(slot.ends_at);
    }
    Some(Enrolled {
        session_status: Status::from_code(&session.status)?,
        mode: Mode::from_code(&session.mode)?,
        has_visio: session
            .visio_url
            .as_deref()
            .is_some_and(|v| !v.trim().is_empty()),
        enrolment_status: EnrolmentStatus::from_code(&place.status)?,
        confirmed_at: place.confirmed_at.unwrap_or(place.enrolled_at),
        first_start: slots.iter().map(|s| s.starts_at).min()?,
        days: days
            .into_iter()
            .map(|(day, last_end)| SlotDay {
                day,
                opens_at: morning_of(day),
                last_end,
            })
            .collect(),
    })
}

async fn message(
    db: &DatabaseConnection,
    idempotency_key: String,
    when: Reminder,
    session: &training_sessions::Model,
    slots: &[session_slots::Model],
    place: &enrolments::Model,
    public_url: &str,
) -> Result<Option<NewEmail>, AppError> {
    let Some(user) = users::Entity::find_by_id(place.user_id).one(db).await? else {
        return Ok(None);
    };
    let Some(recipient) = user.email.clone().filter(|_| user.active) else {
        return Ok(None);
    };
    let module_title = modules::Entity::find_by_id(session.module_id)
        .one(db)
        .await?
        .map(|m| m.title)
        .unwrap_or_default();
    let (kind, shown): (When, Vec<String>) = match when {
        Reminder::TwoDays => (When::TwoDays, slots.iter().map(slot_line).collect()),
        Reminder::Day(day) => (
            When::Today,
            slots
                .iter()
                .filter(|s| s.day == day)
                .map(slot_line)
                .collect(),
        ),
    };
    let place_line = ics::location(&training_sessions::Model {
        visio_url: None,
        ..session.clone()
    });
    let (subject, body_text, body_html) = reminder::reminder(&reminder::Reminder {
        when: kind,
        display_name: user.display_name.clone(),
        module_title,
        session_title: session.title.clone(),
        mode_label: Mode::from_code(&session.mode)
            .map_or("", Mode::label)
            .to_owned(),
        slots: shown,
        place: place_line,
        visio_url: session.visio_url.clone(),
        link: format!(
            "{}/sessions/{}",
            public_url.trim_end_matches('/'),
            session.id
        ),
    });
    Ok(Some(NewEmail {
        idempotency_key,
        kind: "reminder",
        recipient,
        subject,
        body_text,
        body_html,
        attachments: Vec::new(),
    }))
}
