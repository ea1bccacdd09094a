//! The retention job: every hour, from ten minutes after start-up, applies
//! the retention durations (`app::privacy::service::purge::run`). Every
//! server instance runs it; the purge claims the day's run with one
//! conditional update, so it happens once a day across instances. When mail
//! goes to files (no `SMTP_URL`), the `.eml` files older than the sent-mail
//! duration are deleted from that folder too, by each instance (the folder
//! may be its own). Errors are logged; the job stops on shutdown like the
//! mail worker.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::Utc;
use sea_orm::DatabaseConnection;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use app::privacy::rules::retention::{Kind, cut_off, entry};

/// How long after start-up the first run waits (the server settles first).
pub const FIRST_RUN_AFTER: Duration = Duration::from_secs(10 * 60);
/// How often the job looks whether the day's purge is due.
pub const INTERVAL: Duration = Duration::from_secs(60 * 60);

pub struct PurgeJob {
    db: DatabaseConnection,
    /// The `.eml` folder when mail goes to files.
    mail_dir: Option<PathBuf>,
}

impl PurgeJob {
    pub fn new(db: DatabaseConnection, mail_dir: Option<PathBuf>) -> PurgeJob {
        PurgeJob { db, mail_dir }
    }

    /// Runs after [`FIRST_RUN_AFTER`], then every [`INTERVAL`], until `stop`
    /// turns true or its sender is dropped.
    pub fn spawn(self, mut stop: watch::Receiver<bool>) -> JoinHandle<()> {
        tokio::spawn(async move {
            let start = tokio::time::Instant::now() + FIRST_RUN_AFTER;
            let mut ticks = tokio::time::interval_at(start, INTERVAL);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    changed = stop.changed() => if changed.is_err() || *stop.borrow() { break },
                    _ = ticks.tick() => self.run_once().await,
                }
            }
            tracing::info!("retention job stopped");
        })
    }

    async fn run_once(&self) {
        let now = Utc::now();
        match app::privacy::service::purge::run(&self.db, now).await {
            Ok(Some(report)) => tracing::info!(removed = report.total(), "retention applied"),
            Ok(None) => {}
            Err(e) => tracing::error!(error = ?e, "cannot apply the retention durations"),
        }
        if let Some(dir) = self.mail_dir.clone() {
            match delete_old_mail_files(dir, now).await {
                Ok(0) => {}
                Ok(deleted) => tracing::info!(deleted, "old .eml files deleted"),
                Err(e) => tracing::error!(error = %e, "cannot delete old .eml files"),
            }
        }
    }
}

/// Deletes the `.eml` files of `dir` last modified at or before the
/// sent-mail cut-off at `now`; returns how many.
pub async fn delete_old_mail_files(
    dir: PathBuf,
    now: chrono::DateTime<Utc>,
) -> std::io::Result<usize> {
    let cut: SystemTime = cut_off(entry(Kind::SentEmails).keep, now).into();
    tokio::task::spawn_blocking(move || delete_older(&dir, cut))
        .await
        .map_err(std::io::Error::other)?
}

fn delete_older(dir: &Path, cut: SystemTime) -> std::io::Result<usize> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let mut deleted = 0;
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "eml") {
            continue;
        }
        let metadata = entry.metadata()?;
        if metadata.is_file() && metadata.modified()? <= cut {
            match std::fs::remove_file(&path) {
                Ok(()) => deleted += 1,
                // Another instance sharing the folder deleted it first.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(deleted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn only_old_eml_files_go() {
        let dir = tempfile::tempdir().expect("temporary directory");
        for name in ["old.eml", "new.eml", "notes.txt"] {
            std::fs::write(dir.path().join(name), "x").expect("write");
        }
        let old = SystemTime::now() - Duration::from_secs(100 * 24 * 3600);
        for name in ["old.eml", "notes.txt"] {
            std::fs::File::options()
                .write(true)
                .open(dir.path().join(name))
                .and_then(|f| f.set_modified(old))
                .expect("set the modification time");
        }
        let deleted = delete_old_mail_files(dir.path().to_owned(), Utc::now())
            .await
            .expect("deleted");
        assert_eq!(deleted, 1);
        assert!(!dir.path().join("old.eml").exists());
        assert!(dir.path().join("new.eml").exists());
        assert!(dir.path().join("notes.txt").exists());
        let missing = dir.path().join("absent");
        assert_eq!(
            delete_old_mail_files(missing, Utc::now()).await.ok(),
            Some(0)
        );
    }
}
