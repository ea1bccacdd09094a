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
use sea_orm::sea_query::{Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    RelationTrait,
};

use crate::auth::session::IDLE_TIMEOUT;
use crate::db::entities::{
    attendance_marks, audit_log, auth_sessions, calendar_feeds, certificate_revisions,
    certificates, checkin_codes, email_outbox, email_verifications, enrolments, job_runs,
    password_resets, rate_limits, session_slots, session_trainers, users,
};
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
    use job_runs::Column as C;
    let claimed = job_runs::Entity::update_many()
        .col_expr(C::RanAt, Expr::value(now))
        .filter(C::Name.eq(JOB))
        .filter(C::RanAt.lte(now - MIN_GAP))
        .exec(db)
        .await?
        .rows_affected;
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
        Kind::ApologyReasons => apology_reasons(db, cut).await,
        Kind::Journal => {
            use audit_log::Column as C;
            delete::<audit_log::Entity>(db, C::Id, C::OccurredAt.lte(cut).into()).await
        }
        Kind::SentEmails => {
            use email_outbox::Column as C;
            let sent = Condition::all()
                .add(C::Status.is_in([EmailStatus::Sent.as_str(), EmailStatus::Failed.as_str()]))
                .add(Expr::expr(Expr::col(C::SentAt).if_null(Expr::col(C::CreatedAt))).lte(cut));
            delete::<email_outbox::Entity>(db, C::Id, sent).await
        }
        Kind::RateLimits => {
            use rate_limits::Column as C;
            delete::<rate_limits::Entity>(db, C::Key, C::WindowStart.lte(cut).into()).await
        }
        Kind::SignInSessions => {
            use auth_sessions::Column as C;
            let over = Condition::any()
                .add(C::ExpiresAt.lte(cut))
                .add(C::LastSeenAt.lte(cut - IDLE_TIMEOUT));
            delete::<auth_sessions::Entity>(db, C::TokenHash, over).await
        }
        Kind::ResetLinks => {
            use password_resets::Column as C;
            delete::<password_resets::Entity>(db, C::Id, C::ExpiresAt.lte(cut).into()).await
        }
        Kind::ConfirmationLinks => {
            use email_verifications::Column as C;
            delete::<email_verifications::Entity>(db, C::Id, C::ExpiresAt.lte(cut).into()).await
        }
        Kind::CheckInCodes => {
            use checkin_codes::Column as C;
            delete::<checkin_codes::Entity>(db, C::Id, C::ExpiresAt.lte(cut).into()).await
        }
        Kind::RevokedFeeds => {
            use calendar_feeds::Column as C;
            delete::<calendar_feeds::Entity>(db, C::Id, C::RevokedAt.lte(cut).into()).await
        }
    }
}

/// The first [`BATCH`] values of `key` in the rows of `E` that meet `condition`.
fn first_batch<E: EntityTrait>(key: E::Column, condition: Condition) -> SelectStatement {
    Query::select()
        .column(key)
        .from(E::default())
        .cond_where(condition)
        .limit(BATCH)
        .to_owned()
}

/// Deletes the rows of `E` that meet `condition`, [`BATCH`] at a time
/// (`DELETE … WHERE key IN (SELECT key … LIMIT n)`), until none are left.
async fn delete<E: EntityTrait>(
    db: &DatabaseConnection,
    key: E::Column,
    condition: Condition,
) -> Result<u64, AppError> {
    let mut total = 0;
    loop {
        let done = E::delete_many()
            .filter(key.in_subquery(first_batch::<E>(key, condition.clone())))
            .exec(db)
            .await?
            .rows_affected;
        total += done;
        if done < BATCH {
            return Ok(total);
        }
    }
}

/// Apology reasons of half-days that ended at or before `cut` are blanked
/// (the mark stays), [`BATCH`] at a time.
async fn apology_reasons(db: &DatabaseConnection, cut: DateTime<Utc>) -> Result<u64, AppError> {
    use attendance_marks::Column as M;
    let mut total = 0;
    loop {
        let old = Query::select()
            .column((attendance_marks::Entity, M::Id))
            .from(attendance_marks::Entity)
            .inner_join(
                session_slots::Entity,
                Expr::col((session_slots::Entity, session_slots::Column::Id))
                    .equals((attendance_marks::Entity, M::SlotId)),
            )
            .and_where(M::Note.is_not_null())
            .and_where(session_slots::Column::EndsAt.lte(cut))
            .limit(BATCH)
            .to_owned();
        let done = attendance_marks::Entity::update_many()
            .col_expr(M::Note, Expr::value(Option::<String>::None))
            .filter(M::Id.in_subquery(old))
            .exec(db)
            .await?
            .rows_affected;
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
    use users::Column as U;
    let user = (users::Entity, U::Id);
    let enrolled_since = Query::select()
        .expr(Expr::val(1))
        .from(enrolments::Entity)
        .and_where(Expr::col((enrolments::Entity, enrolments::Column::UserId)).equals(user))
        .and_where(enrolments::Column::EnrolledAt.gt(cut))
        .to_owned();
    let learner_since = in_a_session_after::<enrolments::Entity>(
        enrolments::Column::UserId,
        enrolments::Column::SessionId,
        cut,
    );
    let trainer_since = in_a_session_after::<session_trainers::Entity>(
        session_trainers::Column::UserId,
        session_trainers::Column::SessionId,
        cut,
    );
    let ids: Vec<i32> = users::Entity::find()
        .select_only()
        .column(U::Id)
        .filter(U::Role.ne(Role::Coordinator.code()))
        .filter(U::ErasedAt.is_null())
        .filter(U::CreatedAt.lte(cut))
        .filter(
            Condition::any()
                .add(U::LastSignInAt.is_null())
                .add(U::LastSignInAt.lte(cut)),
        )
        .filter(Expr::exists(enrolled_since).not())
        .filter(Expr::exists(learner_since).not())
        .filter(Expr::exists(trainer_since).not())
        .order_by_asc(U::Id)
        .limit(ACCOUNTS_PER_RUN)
        .into_tuple()
        .all(db)
        .await?;
    let mut erased = 0;
    for user_id in ids {
        if crate::privacy::service::erasure::erase(db, user_id, None, now).await? {
            erased += 1;
        }
    }
    Ok(erased)
}

/// For `EXISTS`: a row of `E` (enrolments, trainers) that puts the outer
/// query's user in a session with a half-day ending after `cut`.
fn in_a_session_after<E: EntityTrait>(
    user: E::Column,
    session: E::Column,
    cut: DateTime<Utc>,
) -> SelectStatement {
    Query::select()
        .expr(Expr::val(1))
        .from(E::default())
        .inner_join(
            session_slots::Entity,
            Expr::col((session_slots::Entity, session_slots::Column::SessionId))
                .equals((E::default(), session)),
        )
        .and_where(Expr::col((E::default(), user)).equals((users::Entity, users::Column::Id)))
        .and_where(session_slots::Column::EndsAt.gt(cut))
        .to_owned()
}

/// Certificate revisions issued at or before `cut` whose PDF is still kept:
/// the holder's name becomes the pseudonym, the PDF is dropped (the number,
/// the verification code and the training stay). One statement per batch.
async fn certificate_holders(db: &DatabaseConnection, cut: DateTime<Utc>) -> Result<u64, AppError> {
    use certificate_revisions::Column as R;
    let mut total = 0;
    loop {
        let pairs: Vec<(i32, i32)> = certificate_revisions::Entity::find()
            .select_only()
            .column(R::Id)
            .column_as(
                Expr::col((enrolments::Entity, enrolments::Column::UserId)),
                "user_id",
            )
            .inner_join(certificates::Entity)
            .join(
                sea_orm::JoinType::InnerJoin,
                certificates::Relation::Enrolments.def(),
            )
            .filter(R::IssuedAt.lte(cut))
            .filter(R::Pdf.ne(Vec::<u8>::new()))
            .order_by_asc(R::Id)
            .limit(BATCH)
            .into_tuple()
            .all(db)
            .await?;
        if pairs.is_empty() {
            return Ok(total);
        }
        let mut holder = Expr::case(R::Id.eq(pairs[0].0), erased_person(pairs[0].1));
        for (revision, user) in &pairs[1..] {
            holder = holder.case(R::Id.eq(*revision), erased_person(*user));
        }
        total += certificate_revisions::Entity::update_many()
            .col_expr(R::Pdf, Expr::value(Vec::<u8>::new()))
            .col_expr(
                R::HolderName,
                holder.finally(Expr::col(R::HolderName)).into(),
            )
            .filter(R::Id.is_in(pairs.iter().map(|(revision, _)| *revision)))
            .exec(db)
            .await?
            .rows_affected;
        if (pairs.len() as u64) < BATCH {
            return Ok(total);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
