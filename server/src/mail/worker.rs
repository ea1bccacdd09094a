//! The delivery loop: claim due messages, send them (a few at a time),
//! record each outcome; sleep for the poll interval when nothing is due; stop
//! on request once the messages in hand are done.
//!
//! Several sends run at once because each SMTP exchange waits on the network
//! (lettre writes the final `.` apart from the body, which costs a delayed-ACK
//! round trip per message); the rows are independent, so order does not matter.

use std::sync::Arc;

use sea_orm::{DatabaseConnection, DbErr};
use tokio::sync::watch;
use tokio::task::{JoinHandle, JoinSet};

use app::db::entities::email_outbox;

use super::backoff;
use super::claim;
use super::message::Composer;
use super::settings::MailSettings;
use super::transport::{Mailer, SendError};

pub struct Worker {
    db: DatabaseConnection,
    mailer: Mailer,
    composer: Composer,
    settings: MailSettings,
}

impl Worker {
    /// Fails if `mail_from` is not an address.
    pub fn new(
        db: DatabaseConnection,
        mailer: Mailer,
        mail_from: &str,
        settings: MailSettings,
    ) -> Result<Worker, lettre::address::AddressError> {
        Ok(Worker {
            db,
            mailer,
            composer: Composer::new(mail_from)?,
            settings,
        })
    }

    /// Runs until `stop` turns true or its sender is dropped.
    pub fn spawn(self, stop: watch::Receiver<bool>) -> JoinHandle<()> {
        tokio::spawn(Arc::new(self).run(stop))
    }

    async fn run(self: Arc<Self>, mut stop: watch::Receiver<bool>) {
        tracing::info!(transport = self.mailer.label(), "mail worker started");
        loop {
            let claimed_full_batch = match self.deliver_due(&stop).await {
                Ok(claimed) => claimed as u64 >= self.settings.batch_size,
                Err(e) => {
                    tracing::error!(error = %e, "mail worker cannot read the outbox");
                    false
                }
            };
            if stopping(&stop) {
                break;
            }
            if claimed_full_batch {
                continue; // more may be due: no pause
            }
            tokio::select! {
                changed = stop.changed() => if changed.is_err() || *stop.borrow() { break },
                () = tokio::time::sleep(self.settings.poll_interval) => {}
            }
        }
        tracing::info!("mail worker stopped");
    }

    /// Claims one batch and delivers it; returns how many were claimed.
    async fn deliver_due(self: &Arc<Self>, stop: &watch::Receiver<bool>) -> Result<usize, DbErr> {
        let batch = claim::claim(
            &self.db,
            chrono::Utc::now(),
            self.settings.lease,
            self.settings.batch_size,
        )
        .await?;
        let claimed = batch.len();
        let mut in_flight = JoinSet::new();
        for row in batch {
            while in_flight.len() >= self.settings.concurrency {
                log_panic(in_flight.join_next().await);
            }
            if stopping(stop) {
                let released = claim::release(&self.db, &row).await.map(|_| ());
                log_failure(row.id, released);
                continue;
            }
            let worker = Arc::clone(self);
            in_flight.spawn(async move { log_failure(row.id, worker.deliver(&row).await) });
        }
        while let Some(done) = in_flight.join_next().await {
            log_panic(Some(done));
        }
        Ok(claimed)
    }

    async fn deliver(&self, row: &email_outbox::Model) -> Result<(), DbErr> {
        let max = self.settings.max_attempts;
        if row.attempts > max {
            // Claimed again and again without an outcome: something kills the worker
            // while it sends this one; stop before it takes the worker down again.
            let error = format!("abandoned after {max} attempts without an answer");
            return record(row, claim::mark_failed(&self.db, row, &error).await);
        }
        if !enough_lease_left(row, self.settings.lease) {
            // Waited too long for a free slot: a send now could outlive the claim.
            return record(row, claim::release(&self.db, row).await);
        }
        let attachments = claim::attachments(&self.db, row.id).await?;
        let sent = match self.composer.build(row, attachments) {
            Ok(message) => self.mailer.send(message).await,
            Err(e) => Err(SendError::Permanent(e.to_string())),
        };
        let (outcome, file) = match sent {
            Ok(file) => (Ok(()), file),
            Err(e) => (Err(e), None),
        };
        // A write that fails (on SQLite: the database stayed locked past the busy
        // timeout) is tried again: a message sent but not recorded would be sent
        // a second time once its lease expires.
        let mut written = self.write_outcome(row, &outcome, max).await;
        for pause in OUTCOME_RETRIES {
            if written.is_ok() {
                break;
            }
            tokio::time::sleep(pause).await;
            written = self.write_outcome(row, &outcome, max).await;
        }
        if let (Ok(false), Some(file)) = (&written, file) {
            self.drop_if_erased(row.id, &file).await?;
        }
        record(row, written)
    }

    /// The message's row went while its `.eml` file was being written: the
    /// person was erased (or the message purged) meanwhile, after the erasure
    /// had scrubbed the folder, so the file goes too.
    async fn drop_if_erased(&self, email: i32, file: &std::path::Path) -> Result<(), DbErr> {
        if claim::exists(&self.db, email).await? {
            return Ok(()); // claimed again by another worker: the message lives on
        }
        match tokio::fs::remove_file(file).await {
            Ok(()) => tracing::info!(email, "message erased while written: its file deleted"),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => tracing::error!(email, error = %e, "cannot delete an erased message's file"),
        }
        Ok(())
    }

    async fn write_outcome(
        &self,
        row: &email_outbox::Model,
        outcome: &Result<(), SendError>,
        max: i32,
    ) -> Result<bool, DbErr> {
        let now = chrono::Utc::now();
        match outcome {
            Ok(()) => {
                tracing::debug!(email = row.id, kind = row.kind, "email sent");
                claim::mark_sent(&self.db, row, now).await
            }
            Err(SendError::Permanent(error)) => {
                tracing::warn!(email = row.id, kind = row.kind, %error, "email refused");
                claim::mark_failed(&self.db, row, error).await
            }
            Err(SendError::Transient(error)) if row.attempts >= max => {
                tracing::warn!(email = row.id, kind = row.kind, %error, "email failed {max} times, giving up");
                claim::mark_failed(&self.db, row, error).await
            }
            Err(SendError::Transient(error)) => {
                let delay = backoff::jittered(
                    row.attempts,
                    self.settings.backoff_base,
                    self.settings.backoff_max,
                );
                tracing::info!(email = row.id, attempts = row.attempts, ?delay, %error, "email will be retried");
                claim::retry_at(&self.db, row, claim::after(now, delay), error).await
            }
        }
    }
}

/// Pauses before each new try of writing a delivery outcome.
const OUTCOME_RETRIES: [std::time::Duration; 3] = [
    std::time::Duration::from_millis(500),
    std::time::Duration::from_secs(2),
    std::time::Duration::from_secs(5),
];

/// A send starts only with half the lease left, so that another instance
/// cannot claim the message while it is on the wire (see `crate::mail`).
fn enough_lease_left(row: &email_outbox::Model, lease: std::time::Duration) -> bool {
    let half = claim::after(chrono::Utc::now(), lease / 2);
    row.lease_until.is_some_and(|until| until >= half)
}

/// Says so when the claim was lost: the lease ran out and another worker took over.
fn record(row: &email_outbox::Model, written: Result<bool, DbErr>) -> Result<(), DbErr> {
    if !written? {
        tracing::warn!(
            email = row.id,
            "the claim on this email had expired; another worker holds it"
        );
    }
    Ok(())
}

/// A row whose outcome could not be written keeps its lease: it is claimed
/// again once the lease expires.
fn log_failure(email: i32, written: Result<(), DbErr>) {
    if let Err(e) = written {
        tracing::error!(email, error = %e, "cannot record a delivery outcome");
    }
}

fn log_panic(done: Option<Result<(), tokio::task::JoinError>>) {
    if let Some(Err(e)) = done {
        tracing::error!(error = %e, "a delivery task panicked");
    }
}

/// Asked to stop, or nobody left to ask (the server is gone).
fn stopping(stop: &watch::Receiver<bool>) -> bool {
    *stop.borrow() || stop.has_changed().is_err()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use lettre::{AsyncFileTransport, Tokio1Executor};
    use sea_orm::{ColumnTrait, Database, EntityTrait, QueryFilter};

    use app::mail::outbox::{self, NewEmail};

    use super::*;

    /// A database in `dir` with one queued message, claimed; the worker
    /// writes to `dir/outbox`.
    async fn claimed_message(dir: &std::path::Path) -> (Worker, email_outbox::Model) {
        let url = format!("sqlite://{}?mode=rwc", dir.join("relais.db").display());
        let db = Database::connect(url).await.expect("sqlite");
        crate::db::migrate(&db).await.expect("migrate");
        let email = NewEmail {
            idempotency_key: "race:1".to_owned(),
            kind: "test",
            recipient: "zoe@example.org".to_owned(),
            subject: "Convocation de Zoé Martin".to_owned(),
            body_text: "Bonjour Zoé Martin".to_owned(),
            body_html: "<p>Bonjour Zoé Martin</p>".to_owned(),
            attachments: Vec::new(),
        };
        assert!(outbox::queue(&db, email).await.expect("queue"));
        let mut claimed = claim::claim(&db, chrono::Utc::now(), Duration::from_secs(60), 10)
            .await
            .expect("claim");
        let outbox_dir = dir.join("outbox");
        std::fs::create_dir(&outbox_dir).expect("outbox folder");
        let mailer = Mailer::Files {
            transport: AsyncFileTransport::<Tokio1Executor>::new(&outbox_dir),
            dir: outbox_dir,
            label: "test".to_owned(),
        };
        let worker =
            Worker::new(db, mailer, "relais@example.org", MailSettings::default()).expect("worker");
        (worker, claimed.pop().expect("one message claimed"))
    }

    fn files(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir.join("outbox"))
            .expect("mail dir")
            .count()
    }

    #[tokio::test]
    async fn a_message_erased_while_it_is_written_leaves_no_file() {
        let dir = tempfile::tempdir().expect("mail dir");
        let (worker, row) = claimed_message(dir.path()).await;
        // The erasure deletes the row (and scrubs the folder) after the
        // worker read it, before the file is written.
        email_outbox::Entity::delete_many()
            .filter(email_outbox::Column::Id.eq(row.id))
            .exec(&worker.db)
            .await
            .expect("erase");

        worker.deliver(&row).await.expect("delivered");

        assert_eq!(files(dir.path()), 0, "the erased message's file is gone");
    }

    #[tokio::test]
    async fn a_message_still_in_the_outbox_keeps_its_file() {
        let dir = tempfile::tempdir().expect("mail dir");
        let (worker, row) = claimed_message(dir.path()).await;

        worker.deliver(&row).await.expect("delivered");

        assert_eq!(files(dir.path()), 1);
        let kept = email_outbox::Entity::find_by_id(row.id)
            .one(&worker.db)
            .await
            .expect("read")
            .expect("row");
        assert_eq!(kept.status, "sent");
    }
}
