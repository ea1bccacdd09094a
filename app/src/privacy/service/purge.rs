//! The daily retention purge: applies every entry of
//! `privacy::rules::retention::RETENTION` at `now`. Every server instance
//! runs the job (`server/src/purge.rs`); one conditional update of
//! `job_runs` claims the day, so it runs once between them.
//!
//! Each entry is a set-based statement bounded to [`BATCH`] rows, repeated
//! until fewer are left; inactive accounts are erased one by one through
//! `erasure::erase` (each its own transaction), at most
//! [`ACCOUNTS_PER_RUN`] a day. Sent e-mails take their attachments with them
//! (`ON DELETE CASCADE`).

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement, Value};

use crate::auth::session::IDLE_TIMEOUT;
use crate::error::AppError;
use crate::mail::EmailStatus;
use crate::privacy::rules::pseudonym::erased_person;
use crate::privacy::rules::retention::{Kind, RETENTION, cut_off};
use crate::roles::Role;

/// The purge's row in `job_runs`.
pub const JOB: &str = "purge";
/// A run is claimed only when the last one is at least this old: once a
/// day, whatever the hour the instances started at.
pub const MIN_GAP: Duration = Duration::hours(20);
/// Rows one statement removes or rewrites at most.
pub const BATCH: u64 = 1000;
/// Accounts erased at most in one run; the others wait for the next day.
pub const ACCOUNTS_PER_RUN: u64 = 200;

/// How many rows each entry removed, erased or rewrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PurgeReport {
    pub counts: Vec<(Kind, u64)>,
}

impl PurgeReport {
    /// The count of `kind` (0 if it did nothing).
    pub fn count(&self, kind: Kind) -> u64 {
        self.counts
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, n)| n)
            .sum()
    }

    pub fn total(&self) -> u64 {
        self.counts.iter().map(|(_, n)| n).sum()
    }
}

/// Claims the day's run and applies the retention list at `now`; `None`
/// when another run (another instance) had it less than [`MIN_GAP`] ago.
/// An entry that fails does not stop the others; the first error is
/// returned once all were tried.
pub async fn run(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<Option<PurgeReport>, AppError> {
    if !claim(db, now).await? {
        return Ok(None);
    }
    let mut report = PurgeReport::default();
    let mut first_error = None;
    for entry in RETENTION {
        match apply(db, entry.kind, cut_off(entry.keep, now), now).await {
            Ok(count) => {
                if count > 0 {
                    tracing::info!(kind = entry.kind.code(), count, "retention purge");
                }
                report.counts.push((entry.kind, count));
            }
            Err(e) => {
                tracing::error!(kind = entry.kind.code(), error = ?e, "retention purge failed");
                first_error.get_or_insert(e);
            }
        }
    }
    tracing::info!(total = report.total(), "retention purge done");
    match first_error {
        Some(e) => Err(e),
        None => Ok(Some(report)),
    }
}

/// One conditional update: true if this call took the day's run.
async fn claim(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<bool, AppError> {
    let claimed = db
        .execute_raw(statement(
            db,
            "UPDATE job_runs SET ran_at = ? WHERE name = ? AND ran_at <= ?",
            vec![now.into(), JOB.into(), (now - MIN_GAP).into()],
        ))
        .await?
        .rows_affected();
    Ok(claimed == 1)
}

/// Applies one entry: data whose moment is at or before `cut` goes.
async fn apply(
    db: &DatabaseConnection,
    kind: Kind,
    cut: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<u64, AppError> {
    match kind {
        Kind::InactiveAccounts => inactive_accounts(db, cut, now).await,
        Kind::CertificateHolders => certificate_holders(db, cut).await,
        Kind::ApologyReasons => {
            batches(
                db,
                &format!(
                    "UPDATE attendance_marks SET note = NULL WHERE id IN \
                     (SELECT m.id FROM attendance_marks m \
                     JOIN session_slots s ON s.id = m.slot_id \
                     WHERE m.note IS NOT NULL AND s.ends_at <= ? LIMIT {BATCH})"
                ),
                vec![cut.into()],
            )
            .await
        }
        Kind::Journal => delete(db, "audit_log", "id", "occurred_at <= ?", vec![cut.into()]).await,
        Kind::SentEmails => {
            delete(
                db,
                "email_outbox",
                "id",
                "status IN (?, ?) AND COALESCE(sent_at, created_at) <= ?",
                vec![
                    EmailStatus::Sent.as_str().into(),
                    EmailStatus::Failed.as_str().into(),
                    cut.into(),
                ],
            )
            .await
        }
        Kind::RateLimits => {
            delete(
                db,
                "rate_limits",
                "key",
                "window_start <= ?",
                vec![cut.into()],
            )
            .await
        }
        Kind::SignInSessions => {
            delete(
                db,
                "auth_sessions",
                "token_hash",
                "expires_at <= ? OR last_seen_at <= ?",
                vec![cut.into(), (cut - IDLE_TIMEOUT).into()],
            )
            .await
        }
        Kind::ResetLinks => {
            delete(
                db,
                "password_resets",
                "id",
                "expires_at <= ?",
                vec![cut.into()],
            )
            .await
        }
        Kind::ConfirmationLinks => {
            delete(
                db,
                "email_verifications",
                "id",
                "expires_at <= ?",
                vec![cut.into()],
            )
            .await
        }
        Kind::CheckInCodes => {
            delete(
                db,
                "checkin_codes",
                "id",
                "expires_at <= ?",
                vec![cut.into()],
            )
            .await
        }
        Kind::RevokedFeeds => {
            delete(
                db,
                "calendar_feeds",
                "id",
                "revoked_at <= ?",
                vec![cut.into()],
            )
            .await
        }
    }
}

/// `DELETE FROM table WHERE key IN (SELECT key … WHERE condition LIMIT n)`, repeated.
async fn delete(
    db: &DatabaseConnection,
    table: &str,
    key: &str,
    condition: &str,
    values: Vec<Value>,
) -> Result<u64, AppError> {
    batches(
        db,
        &format!(
            "DELETE FROM {table} WHERE {key} IN \
             (SELECT {key} FROM {table} WHERE {condition} LIMIT {BATCH})"
        ),
        values,
    )
    .await
}

/// Runs `sql` (which touches at most [`BATCH`] rows) until it touches fewer.
async fn batches(db: &DatabaseConnection, sql: &str, values: Vec<Value>) -> Result<u64, AppError> {
    let mut total = 0;
    loop {
        let done = db
            .execute_raw(statement(db, sql, values.clone()))
            .await?
            .rows_affected();
        total += done;
        if done < BATCH {
            return Ok(total);
        }
    }
}

/// Learners' and trainers' accounts not erased, with no activity after `cut`:
/// created, signed in, enrolled, or in a session (as learner or trainer)
/// whose last half-day ends, at or before it. Coordinators' are kept.
async fn inactive_accounts(
    db: &DatabaseConnection,
    cut: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<u64, AppError> {
    let rows = db
        .query_all_raw(statement(
            db,
            &format!(
                "SELECT u.id FROM users u \
                 WHERE u.role <> ? AND u.erased_at IS NULL AND u.created_at <= ? \
                 AND (u.last_sign_in_at IS NULL OR u.last_sign_in_at <= ?) \
                 AND NOT EXISTS (SELECT 1 FROM enrolments e \
                   WHERE e.user_id = u.id AND e.enrolled_at > ?) \
                 AND NOT EXISTS (SELECT 1 FROM enrolments e \
                   JOIN session_slots s ON s.session_id = e.session_id \
                   WHERE e.user_id = u.id AND s.ends_at > ?) \
                 AND NOT EXISTS (SELECT 1 FROM session_trainers t \
                   JOIN session_slots s ON s.session_id = t.session_id \
                   WHERE t.user_id = u.id AND s.ends_at > ?) \
                 ORDER BY u.id LIMIT {ACCOUNTS_PER_RUN}"
            ),
            vec![
                Role::Coordinator.code().into(),
                cut.into(),
                cut.into(),
                cut.into(),
                cut.into(),
                cut.into(),
            ],
        ))
        .await?;
    let mut erased = 0;
    for row in rows {
        let user_id: i32 = row.try_get_by_index(0)?;
        if crate::privacy::service::erasure::erase(db, user_id, None, now).await? {
            erased += 1;
        }
    }
    Ok(erased)
}

/// Certificate revisions issued at or before `cut` whose PDF is still kept:
/// the holder's name becomes the pseudonym, the PDF is dropped (the number,
/// the verification code and the training stay). One statement per batch.
async fn certificate_holders(db: &DatabaseConnection, cut: DateTime<Utc>) -> Result<u64, AppError> {
    let mut total = 0;
    loop {
        let rows = db
            .query_all_raw(statement(
                db,
                &format!(
                    "SELECT r.id, e.user_id FROM certificate_revisions r \
                     JOIN certificates c ON c.id = r.certificate_id \
                     JOIN enrolments e ON e.id = c.enrolment_id \
                     WHERE r.issued_at <= ? AND length(r.pdf) > 0 \
                     ORDER BY r.id LIMIT {BATCH}"
                ),
                vec![cut.into()],
            ))
            .await?;
        let mut pairs = Vec::with_capacity(rows.len());
        for row in &rows {
            pairs.push((
                row.try_get_by_index::<i32>(0)?,
                row.try_get_by_index::<i32>(1)?,
            ));
        }
        if pairs.is_empty() {
            return Ok(total);
        }
        let (sql, values) = rename_revisions(&pairs);
        total += db
            .execute_raw(statement(db, &sql, values))
            .await?
            .rows_affected();
        if (pairs.len() as u64) < BATCH {
            return Ok(total);
        }
    }
}

/// `UPDATE certificate_revisions SET pdf = '', holder_name = CASE id WHEN …`
/// for `(revision id, holder's user id)` pairs.
fn rename_revisions(pairs: &[(i32, i32)]) -> (String, Vec<Value>) {
    let mut values: Vec<Value> = vec![Vec::<u8>::new().into()];
    let mut sql = String::from("UPDATE certificate_revisions SET pdf = ?, holder_name = CASE id");
    for (revision, user) in pairs {
        sql.push_str(" WHEN ? THEN ?");
        values.push((*revision).into());
        values.push(erased_person(*user).into());
    }
    sql.push_str(" END WHERE id IN (");
    for (i, (revision, _)) in pairs.iter().enumerate() {
        sql.push_str(if i == 0 { "?" } else { ", ?" });
        values.push((*revision).into());
    }
    sql.push(')');
    (sql, values)
}

/// The statement for the connection's backend: PostgreSQL numbers its
/// placeholders (`$1`), SQLite takes `?`. The SQL here holds no `?` but
/// placeholders.
fn statement(db: &DatabaseConnection, sql: &str, values: Vec<Value>) -> Statement {
    let backend = db.get_database_backend();
    Statement::from_sql_and_values(backend, numbered(backend, sql), values)
}

fn numbered(backend: DbBackend, sql: &str) -> String {
    if backend != DbBackend::Postgres {
        return sql.to_owned();
    }
    let mut n = 0;
    let mut out = String::with_capacity(sql.len() + 16);
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            out.push_str(&format!("${n}"));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_numbers_its_placeholders() {
        assert_eq!(
            numbered(DbBackend::Postgres, "a = ? AND b IN (?, ?)"),
            "a = $1 AND b IN ($2, $3)"
        );
        assert_eq!(numbered(DbBackend::Sqlite, "a = ?"), "a = ?");
    }

    #[test]
    fn each_revision_gets_its_holders_pseudonym() {
        let (sql, values) = rename_revisions(&[(10, 3), (11, 4)]);
        assert_eq!(
            sql,
            "UPDATE certificate_revisions SET pdf = ?, holder_name = CASE id \
             WHEN ? THEN ? WHEN ? THEN ? END WHERE id IN (?, ?)"
        );
        assert_eq!(values.len(), 7);
        assert_eq!(values[2], Value::from(erased_person(3)));
        assert_eq!(values[4], Value::from(erased_person(4)));
    }

    #[test]
    fn the_report_counts_per_kind() {
        let report = PurgeReport {
            counts: vec![(Kind::Journal, 3), (Kind::RateLimits, 2)],
        };
        assert_eq!(report.count(Kind::Journal), 3);
        assert_eq!(report.count(Kind::SentEmails), 0);
        assert_eq!(report.total(), 5);
    }
}
