//! Everything Relais keeps about one person (RGPD right of access and
//! portability), gathered for the download of `GET /mes-donnees` and the page
//! `/mes-donnees/consulter`: one [`PersonalData`], its sections listed in
//! `rules/inventory.rs`. Each kind is read with a fixed number of queries
//! (the rows of the person, then what they point to with `IN`), whatever the
//! number of rows. Secrets (hashes) and documents (PDFs, e-mail bodies,
//! attachments' content) are never read.

mod account;
mod learning;
mod local_time;
mod lookup;
mod records;
mod sessions;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::db::entities::{enrolments, users};
use crate::error::AppError;
use crate::privacy::{EnrolmentRecord, PersonalData, Profile, RetentionLine};
use account::{calendar_feeds, emails_received, journal, links_sent, sign_in_sessions};
use learning::{lessons_read, quiz_attempts};
use local_time::local;
use records::{attendance, certificates, questionnaires};
use sessions::{Sessions, structure_names};

/// Everything kept about `user_id` at `now`.
pub async fn my_data(
    db: &DatabaseConnection,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<PersonalData, AppError> {
    Ok(gather(db, user_id, now, None).await?.0)
}

/// What the page « Mes données » reads: the same, but of the sessions the
/// person teaches or created only the latest `shown` by first day (a trainer
/// of ten years has thousands), with how many were left out.
pub async fn for_the_page(
    db: &DatabaseConnection,
    user_id: i32,
    now: DateTime<Utc>,
    shown: usize,
) -> Result<(PersonalData, usize), AppError> {
    gather(db, user_id, now, Some(shown)).await
}

async fn gather(
    db: &DatabaseConnection,
    user_id: i32,
    now: DateTime<Utc>,
    shown_sessions: Option<usize>,
) -> Result<(PersonalData, usize), AppError> {
    let user = users::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let enrolments = enrolments::Entity::find()
        .filter(enrolments::Column::UserId.eq(user_id))
        .order_by_asc(enrolments::Column::EnrolledAt)
        .order_by_asc(enrolments::Column::Id)
        .all(db)
        .await?;
    let (sessions, sessions_left_out) =
        Sessions::load(db, user_id, &enrolments, shown_sessions).await?;
    let structures = structure_names(db, &user, &enrolments).await?;
    let enrolment_ids: Vec<i32> = enrolments.iter().map(|e| e.id).collect();

    let profile = Profile {
        name: user.display_name.clone(),
        email: user.email.clone(),
        role: user.role.clone(),
        profession: user.profession.clone(),
        sector: user.sector.clone(),
        structure: user
            .structure_id
            .and_then(|id| structures.get(&id).cloned()),
        active: user.active,
        created_at: local(user.created_at),
        updated_at: local(user.updated_at),
        email_verified_at: user.email_verified_at.map(local),
        last_sign_in_at: user.last_sign_in_at.map(local),
        erasure_requested_at: user.erasure_requested_at.map(local),
    };
    let enrolment_records = enrolments
        .iter()
        .map(|e| EnrolmentRecord {
            session: sessions.title(e.session_id),
            module: sessions.module(e.session_id),
            dates: sessions.days(e.session_id),
            status: e.status.clone(),
            enrolled_at: local(e.enrolled_at),
            confirmed_at: e.confirmed_at.map(local),
            cancelled_at: e.cancelled_at.map(local),
            snapshot_sector: e.snapshot_sector.clone(),
            snapshot_profession: e.snapshot_profession.clone(),
            snapshot_structure: e
                .snapshot_structure_id
                .and_then(|id| structures.get(&id).cloned()),
        })
        .collect();

    let data = PersonalData {
        generated_at: local(now),
        profile,
        enrolments: enrolment_records,
        attendance: attendance(db, &enrolment_ids, &sessions).await?,
        quiz_attempts: quiz_attempts(db, user_id).await?,
        questionnaires: questionnaires(db, &enrolment_ids, &sessions).await?,
        lessons_read: lessons_read(db, user_id).await?,
        certificates: certificates(db, &enrolment_ids, &sessions).await?,
        calendar_feeds: calendar_feeds(db, user_id).await?,
        sign_in_sessions: sign_in_sessions(db, user_id).await?,
        links_sent: links_sent(db, user_id).await?,
        emails_received: emails_received(db, &user).await?,
        journal: journal(db, user_id).await?,
        sessions_taught: sessions.taught(),
        retention: retention(),
    };
    Ok((data, sessions_left_out))
}

/// What is kept, how long and why: the one retention list
/// (`rules/retention.rs`), as the privacy page prints it.
fn retention() -> Vec<RetentionLine> {
    crate::privacy::rules::retention::lines()
}
