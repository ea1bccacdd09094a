//! The follow-up invitations (évaluation à froid): once the follow-up of a
//! course opens (see `rules::windows::cold_window`), each confirmed person
//! who attended at least one half-day and has not answered yet gets one
//! email with the link to the questionnaire. The outbox key
//! `follow-up:<enrolment>` makes it one message per person, whichever server
//! instance's job stores it first. Run by the server's reminder job.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use crate::assessment::rules::Phase;
use crate::assessment::rules::windows::{COLD_OPEN_FOR_DAYS, COLD_OPENS_DAYS, cold_window};
use crate::attendance::rules::Attendance;
use crate::calendar::{french_date, to_local};
use crate::db::entities::{
    attendance_marks, enrolments, questionnaire_responses, session_slots, training_sessions, users,
};
use crate::error::AppError;
use crate::mail::follow_up::{FollowUpMail, follow_up_mail};
use crate::mail::outbox::{self, NewEmail};
use crate::sessions::rules::{EnrolmentStatus, Status};

/// The idempotency key of the follow-up invitation of one enrolment.
pub fn key(enrolment: i32) -> String {
    format!("follow-up:{enrolment}")
}

/// Sessions, not cancelled, whose follow-up is open at `now`, with the end of their last slot.
async fn open_sessions(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<HashMap<i32, (training_sessions::Model, DateTime<Utc>)>, AppError> {
    let opened_since = now - Duration::days(COLD_OPENS_DAYS);
    let closed_before = opened_since - Duration::days(COLD_OPEN_FOR_DAYS);
    let last_end = Expr::col(session_slots::Column::EndsAt).max();
    let ended: Vec<(i32, DateTime<Utc>)> = session_slots::Entity::find()
        .select_only()
        .column(session_slots::Column::SessionId)
        .column_as(last_end.clone(), "last_end")
        .group_by(session_slots::Column::SessionId)
        .having(last_end.clone().lte(opened_since))
        .having(last_end.gte(closed_before))
        .into_tuple()
        .all(db)
        .await?;
    let ends: HashMap<i32, DateTime<Utc>> = ended.into_iter().collect();
    Ok(training_sessions::Entity::find()
        .filter(training_sessions::Column::Id.is_in(ends.keys().copied()))
        .filter(training_sessions::Column::Status.ne(Status::Cancelled.code()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|s| ends.get(&s.id).map(|end| (s.id, (s.clone(), *end))))
        .collect())
}

/// Queues the invitations due at `now`; returns how many this call queued.
pub async fn queue_due(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    public_url: &str,
) -> Result<usize, AppError> {
    let sessions = open_sessions(db, now).await?;
    if sessions.is_empty() {
        return Ok(0);
    }
    let places = enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.is_in(sessions.keys().copied()))
        .filter(enrolments::Column::Status.eq(EnrolmentStatus::Confirmed.code()))
        .all(db)
        .await?;
    let ids: Vec<i32> = places.iter().map(|p| p.id).collect();
    let attended: HashSet<i32> = attendance_marks::Entity::find()
        .select_only()
        .column(attendance_marks::Column::EnrolmentId)
        .distinct()
        .filter(attendance_marks::Column::EnrolmentId.is_in(ids.clone()))
        .filter(attendance_marks::Column::Status.is_in(Attendance::attended_codes()))
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let answered: HashSet<i32> = questionnaire_responses::Entity::find()
        .select_only()
        .column(questionnaire_responses::Column::EnrolmentId)
        .filter(questionnaire_responses::Column::EnrolmentId.is_in(ids.clone()))
        .filter(questionnaire_responses::Column::Phase.eq(Phase::Cold.code()))
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let queued = outbox::queued_keys(db, ids.iter().map(|id| key(*id))).await?;
    let mut count = 0;
    for place in places {
        if !attended.contains(&place.id)
            || answered.contains(&place.id)
            || queued.contains(&key(place.id))
        {
            continue;
        }
        let Some((session, last_end)) = sessions.get(&place.session_id) else {
            continue;
        };
        let Some(user) = users::Entity::find_by_id(place.user_id).one(db).await? else {
            continue;
        };
        let Some(recipient) = user.email.clone().filter(|_| user.active) else {
            continue;
        };
        let (_, closes) = cold_window(*last_end);
        let (subject, body_text, body_html) = follow_up_mail(&FollowUpMail {
            display_name: user.display_name,
            training_title: session.title.clone(),
            until: format!("jusqu’au {}", french_date(to_local(closes).date())),
            link: format!(
                "{}/sessions/{}/auto-evaluation",
                public_url.trim_end_matches('/'),
                session.id
            ),
        });
        let email = NewEmail {
            idempotency_key: key(place.id),
            kind: "follow_up",
            recipient,
            subject,
            body_text,
            body_html,
            attachments: Vec::new(),
        };
        if outbox::queue(db, email).await? {
            count += 1;
        }
    }
    Ok(count)
}
