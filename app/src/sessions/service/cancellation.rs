//! Telling everyone enrolled or waiting that a session is cancelled, queued
//! in the transaction that cancels it. Enrolments are kept as they were: the
//! session's status says it did not take place, and the record of who had
//! enrolled stays for the annual review.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::enrol::first_slot_start;
use crate::calendar::{french_date, to_local};
use crate::db::entities::{enrolments, training_sessions, users};
use crate::error::AppError;
use crate::mail::outbox::{self, NewEmail};
use crate::mail::session_cancelled::session_cancelled;
use crate::sessions::rules::EnrolmentStatus;

pub async fn notify(
    db: &impl ConnectionTrait,
    session: &training_sessions::Model,
    reason: &str,
) -> Result<(), AppError> {
    let settings = crate::state::app_state()?.settings;
    let link = format!("{}/sessions", settings.public_url.trim_end_matches('/'));
    let first_day = first_slot_start(db, session.id)
        .await?
        .map(|s| french_date(to_local(s).date()))
        .unwrap_or_default();
    let open = enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.eq(session.id))
        .filter(enrolments::Column::Status.ne(EnrolmentStatus::Cancelled.code()))
        .find_also_related(users::Entity)
        .all(db)
        .await?;
    for (enrolment, user) in open {
        let id = enrolment.id;
        let Some((user, recipient)) = user.and_then(|u| u.email.clone().map(|e| (u, e))) else {
            continue;
        };
        let (subject, body_text, body_html) = session_cancelled(
            &user.display_name,
            &session.title,
            &first_day,
            reason,
            &link,
        );
        outbox::queue(
            db,
            NewEmail {
                idempotency_key: format!("session_cancelled:{}:{id}", session.id),
                kind: "session_cancelled",
                recipient,
                subject,
                body_text,
                body_html,
                attachments: Vec::new(),
            },
        )
        .await?;
    }
    Ok(())
}
