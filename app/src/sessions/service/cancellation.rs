//! Telling everyone enrolled or waiting that a session is cancelled, queued
//! in the transaction that cancels it. Enrolments are kept as they were: the
//! session's status says it did not take place, and the record of who had
//! enrolled stays for the annual review.

use sea_orm::ConnectionTrait;

use super::notices::queue_to_open_enrolments;
use crate::db::entities::training_sessions;
use crate::error::AppError;
use crate::mail::session_cancelled::session_cancelled;

pub async fn notify(
    db: &impl ConnectionTrait,
    session: &training_sessions::Model,
    reason: &str,
) -> Result<(), AppError> {
    let settings = crate::state::app_state()?.settings;
    let link = format!("{}/sessions", settings.public_url.trim_end_matches('/'));
    queue_to_open_enrolments(db, session, "session_cancelled", |to| {
        session_cancelled(
            &to.user.display_name,
            &session.title,
            to.first_day,
            reason,
            &link,
        )
    })
    .await?;
    Ok(())
}
