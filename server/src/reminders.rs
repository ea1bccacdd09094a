//! The reminder job: every few minutes, mark held the sessions whose
//! half-days are all over and signed (`app::sessions::service::lifecycle`,
//! one conditional update, so once across instances), and queue the
//! messages that are due through the email outbox — the session reminders
//! (two days before, and the morning of a distance day) and the follow-up
//! invitations three months after a course (évaluation à froid). Every
//! server instance runs it; the outbox's unique idempotency key makes sure
//! each message is stored, hence sent, once (see
//! `app::sessions::service::reminders` and
//! `app::assessment::service::follow_up`). It stops on shutdown like the
//! mail worker.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use app::error::AppError;

/// How often the job looks for due reminders.
pub const INTERVAL: Duration = Duration::from_secs(5 * 60);

pub struct ReminderJob {
    db: DatabaseConnection,
    public_url: String,
}

impl ReminderJob {
    pub fn new(db: DatabaseConnection, public_url: String) -> ReminderJob {
        ReminderJob { db, public_url }
    }

    /// Runs now, then every [`INTERVAL`], until `stop` turns true or its sender is dropped.
    pub fn spawn(self, mut stop: watch::Receiver<bool>) -> JoinHandle<()> {
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(INTERVAL);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    changed = stop.changed() => if changed.is_err() || *stop.borrow() { break },
                    _ = ticks.tick() => {
                        match run_once(&self.db, Utc::now(), &self.public_url).await {
                            Ok(0) => {}
                            Ok(queued) => tracing::info!(queued, "reminders and follow-ups queued"),
                            Err(e) => tracing::error!(error = ?e, "cannot queue reminders and follow-ups"),
                        }
                    }
                }
            }
            tracing::info!("reminder job stopped");
        })
    }
}

/// Marks held the sessions whose half-days are all over and signed, then
/// queues the reminders and follow-ups due at `now`; returns how many
/// messages this call queued (the sessions it closed are logged). Tests call
/// it with a chosen `now`.
pub async fn run_once(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    public_url: &str,
) -> Result<usize, AppError> {
    let closed = app::sessions::service::lifecycle::close_due(db, now).await?;
    if closed > 0 {
        tracing::info!(closed, "sessions marked held");
    }
    let reminders = app::sessions::service::reminders::queue_due(db, now, public_url).await?;
    let follow_ups = app::assessment::service::follow_up::queue_due(db, now, public_url).await?;
    Ok(reminders + follow_ups)
}
