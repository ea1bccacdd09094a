//! One message to everyone still enrolled or waiting on a session (its
//! cancellation, its reopening), queued in the caller's transaction. A
//! session may be cancelled, reopened and cancelled again: each round's
//! messages get their own idempotency keys, so none is swallowed as a
//! duplicate of the last round's.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::enrol::first_slot_start;
use crate::calendar::{french_date, to_local};
use crate::db::entities::{audit_log, enrolments, training_sessions, users};
use crate::error::AppError;
use crate::mail::outbox::{self, NewEmail};
use crate::sessions::rules::EnrolmentStatus;

/// What a message is written from: the person, their enrolment, and the
/// session's first day in French (empty without half-days).
pub struct Recipient<'a> {
    pub user: &'a users::Model,
    pub enrolment: &'a enrolments::Model,
    pub first_day: &'a str,
}

/// Queues `compose`'s `(subject, text, html)` for every open enrolment whose
/// person has an address; `kind` is both the message kind and the audit
/// action that counts the rounds. Returns how many were queued.
pub async fn queue_to_open_enrolments(
    db: &impl ConnectionTrait,
    session: &training_sessions::Model,
    kind: &'static str,
    compose: impl Fn(Recipient<'_>) -> (String, String, String),
) -> Result<usize, AppError> {
    let round = round(db, session.id, kind).await?;
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
    let mut queued = 0;
    for (enrolment, user) in open {
        let Some(user) = user else { continue };
        let Some(recipient) = user.email.clone() else {
            continue;
        };
        let (subject, body_text, body_html) = compose(Recipient {
            user: &user,
            enrolment: &enrolment,
            first_day: &first_day,
        });
        outbox::queue(
            db,
            NewEmail {
                idempotency_key: key(kind, session.id, enrolment.id, round),
                kind,
                recipient,
                subject,
                body_text,
                body_html,
                attachments: Vec::new(),
            },
        )
        .await?;
        queued += 1;
    }
    Ok(queued)
}

/// How many times `action` was already recorded for the session: the round
/// of a message that may be sent more than once.
async fn round(db: &impl ConnectionTrait, session_id: i32, action: &str) -> Result<u64, AppError> {
    Ok(audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .filter(audit_log::Column::TargetType.eq("training_session"))
        .filter(audit_log::Column::TargetId.eq(session_id))
        .count(db)
        .await?)
}

/// The idempotency key of one person's message: `kind:session:enrolment`,
/// with `:round` from the second round on.
fn key(kind: &str, session_id: i32, enrolment_id: i32, round: u64) -> String {
    match round {
        0 => format!("{kind}:{session_id}:{enrolment_id}"),
        n => format!("{kind}:{session_id}:{enrolment_id}:{n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn the_first_round_keeps_the_plain_key() {
        assert_eq!(key("session_cancelled", 3, 9, 0), "session_cancelled:3:9");
        assert_eq!(key("session_reopened", 3, 9, 2), "session_reopened:3:9:2");
    }
}
