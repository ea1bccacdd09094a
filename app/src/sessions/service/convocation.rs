//! Queuing the convocation of a confirmed enrolment, inside the transaction
//! that confirmed it: the French message and its `.ics` attachment.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::ics;
use crate::calendar::{french_date, french_time, to_local};
use crate::db::entities::{enrolments, modules, session_slots, training_sessions, users};
use crate::error::AppError;
use crate::mail::convocation::{Convocation, convocation};
use crate::mail::outbox::{self, NewAttachment, NewEmail};
use crate::sessions::rules::Mode;

/// « mardi 14 avril 2026, 9 h 00 – 12 h 30 » in Europe/Paris.
pub fn slot_line(slot: &session_slots::Model) -> String {
    let (start, end) = (to_local(slot.starts_at), to_local(slot.ends_at));
    format!(
        "{}, {} – {}",
        french_date(start.date()),
        french_time(start.time()),
        french_time(end.time())
    )
}

pub async fn queue(
    db: &impl ConnectionTrait,
    session: &training_sessions::Model,
    enrolment: &enrolments::Model,
    promoted: bool,
) -> Result<(), AppError> {
    let Some(user) = users::Entity::find_by_id(enrolment.user_id).one(db).await? else {
        return Ok(());
    };
    let Some(recipient) = user.email.clone() else {
        return Ok(());
    };
    let module = modules::Entity::find_by_id(session.module_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let slots = session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.eq(session.id))
        .order_by_asc(session_slots::Column::StartsAt)
        .all(db)
        .await?;
    let settings = crate::state::app_state()?.settings;
    let base = settings.public_url.trim_end_matches('/');
    let host = ics::host(base);
    let place = ics::location(&training_sessions::Model {
        visio_url: None,
        ..session.clone()
    });
    let (subject, body_text, body_html) = convocation(&Convocation {
        display_name: user.display_name.clone(),
        module_title: module.title.clone(),
        session_title: session.title.clone(),
        promoted,
        mode_label: Mode::from_code(&session.mode)
            .map_or("", Mode::label)
            .to_owned(),
        slots: slots.iter().map(slot_line).collect(),
        place,
        visio_url: session.visio_url.clone(),
        link: format!("{base}/sessions/{}", session.id),
    });
    let confirmed_at = enrolment.confirmed_at.unwrap_or_else(chrono::Utc::now);
    outbox::queue(
        db,
        NewEmail {
            idempotency_key: format!(
                "convocation:{}:{}",
                enrolment.id,
                confirmed_at.timestamp_micros()
            ),
            kind: "convocation",
            recipient,
            subject,
            body_text,
            body_html,
            attachments: vec![NewAttachment {
                filename: "convocation.ics".into(),
                content_type: "text/calendar; charset=utf-8".into(),
                content: ics::calendar(session, &module.title, &slots, host).into_bytes(),
            }],
        },
    )
    .await?;
    Ok(())
}
