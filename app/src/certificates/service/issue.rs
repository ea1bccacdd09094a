//! Issuing a cohort's certificates: each eligible learner's certificate is
//! created once (its number and verification code never change) and gets a
//! new revision only when what it certifies has changed. Each revision is
//! written with its PDF and its email in one transaction, so a revision is
//! never recorded without its message nor emailed twice (the outbox key is
//! the certificate and revision). A certificate row is created (and numbered)
//! before its first revision: until that revision exists it is not shown,
//! downloadable nor verifiable. A revoked certificate is left as it is
//! (`content.rs::pending` skips it; `revoke.rs` takes the same session lock).

use crate::db::BeginWrite;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, Datelike, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};

use super::content::{content, pending};
use super::document::{Content, certificate_pdf};
use super::load::{Candidate, CohortData, load_cohort};
use crate::auth::CurrentUser;
use crate::calendar::{french_date, to_local};
use crate::certificates::rules::certificate_number;
use crate::certificates::types::{IssueInput, IssueReport};
use crate::db::entities::{certificate_revisions, certificates};
use crate::error::AppError;
use crate::mail::certificate::{CertificateMail, certificate_mail};
use crate::mail::outbox::{self, NewAttachment, NewEmail};
use crate::sessions::service::access::{lock_session, require_manager};

/// The most a call with a `batch` issues (the progress bar asks for 10).
pub const MAX_BATCH: u32 = 50;

/// 128 random bits, URL-safe (22 characters): not guessable, short in a QR code.
pub fn new_verification_code() -> String {
    let bytes: [u8; 16] = rand::random();
    URL_SAFE_NO_PAD.encode(bytes)
}

pub async fn issue(
    db: &DatabaseConnection,
    user: &CurrentUser,
    input: &IssueInput,
    base: &str,
    now: DateTime<Utc>,
) -> Result<IssueReport, AppError> {
    let session = require_manager(db, user, input.session_id).await?;
    let cohort = load_cohort(db, session, now).await?;
    let pending = pending(db, &cohort, base).await?;
    let take = input
        .batch
        .map_or(pending.len(), |b| b.clamp(1, MAX_BATCH) as usize)
        .min(pending.len());
    let mut issued = 0;
    for candidate in &pending[..take] {
        if issue_one(db, &cohort, candidate, user, base, now).await? {
            issued += 1;
        }
    }
    Ok(IssueReport {
        issued,
        remaining: pending.len() - take,
    })
}

/// The candidate's certificate, created (with its number) if needed.
async fn certificate_of(
    txn: &impl ConnectionTrait,
    candidate: &Candidate,
    user: &CurrentUser,
    now: DateTime<Utc>,
) -> Result<(certificates::Model, bool), AppError> {
    if let Some(existing) = certificates::Entity::find()
        .filter(certificates::Column::EnrolmentId.eq(candidate.enrolment.id))
        .one(txn)
        .await?
    {
        return Ok((existing, false));
    }
    let code = new_verification_code();
    let created = certificates::ActiveModel {
        enrolment_id: Set(candidate.enrolment.id),
        // Replaced at once: the number is made of the row id.
        number: Set(format!("RELAIS-NOUVEAU-{code}")),
        verification_code: Set(code),
        revision: Set(0),
        attended_minutes: Set(0),
        issued_by: Set(Some(user.id)),
        issued_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let mut numbered: certificates::ActiveModel = created.clone().into();
    numbered.number = Set(certificate_number(to_local(now).year(), created.id));
    Ok((numbered.update(txn).await?, true))
}

/// The revision to write for content `hash`: `None` when the latest one
/// already certifies it.
async fn next_revision(
    db: &impl ConnectionTrait,
    certificate_id: i32,
    hash: &str,
) -> Result<Option<i32>, AppError> {
    let latest = certificate_revisions::Entity::find()
        .filter(certificate_revisions::Column::CertificateId.eq(certificate_id))
        .order_by_desc(certificate_revisions::Column::Revision)
        .one(db)
        .await?;
    Ok(match latest {
        Some(l) if l.content_hash == hash => None,
        Some(l) => Some(l.revision + 1),
        None => Some(1),
    })
}

/// Writes a new revision of the candidate's certificate unless the latest
/// one already certifies the same content; returns whether it wrote one.
///
/// The PDF is rendered between two short transactions, never inside one: on
/// SQLite a writing transaction holds the database's write lock, and other
/// writers (the mail worker recording an outcome) would wait for it.
async fn issue_one(
    db: &DatabaseConnection,
    cohort: &CohortData,
    candidate: &Candidate,
    user: &CurrentUser,
    base: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let certificate = {
        let txn = db.begin_write().await?;
        // One issuer at a time per session: a double click cannot create two certificates.
        lock_session(&txn, cohort.session.id).await?;
        let (certificate, _) = certificate_of(&txn, candidate, user, now).await?;
        txn.commit().await?;
        certificate
    };
    let content = content(cohort, candidate, &certificate, base);
    let hash = content.hash()?;
    let mut revision = next_revision(db, certificate.id, &hash).await?;
    // Another issuer may write a revision while this one renders: then render
    // again for the revision that comes next (or stop if it certified the same).
    while let Some(wanted) = revision {
        let issued_on = french_date(to_local(now).date());
        let rendered = content.clone();
        let pdf = crate::blocking::run(move || certificate_pdf(&rendered, wanted, &issued_on, now))
            .await??;
        let txn = db.begin_write().await?;
        lock_session(&txn, cohort.session.id).await?;
        if revoked_meanwhile(&txn, certificate.id).await? {
            txn.rollback().await?;
            return Ok(false);
        }
        revision = next_revision(&txn, certificate.id, &hash).await?;
        if revision != Some(wanted) {
            txn.rollback().await?;
            continue;
        }
        let rendered = Rendered {
            content: &content,
            hash: &hash,
            revision: wanted,
            pdf,
        };
        write_revision(&txn, candidate, &certificate, rendered, user, base, now).await?;
        txn.commit().await?;
        return Ok(true);
    }
    Ok(false)
}

/// Whether the certificate was revoked since the cohort was read (it then
/// stays as it is: a revoked certificate gets no new revision).
async fn revoked_meanwhile(txn: &impl ConnectionTrait, id: i32) -> Result<bool, AppError> {
    Ok(certificates::Entity::find_by_id(id)
        .one(txn)
        .await?
        .is_some_and(|c| c.revoked_at.is_some()))
}

/// A revision ready to be written.
struct Rendered<'a> {
    content: &'a Content,
    hash: &'a str,
    revision: i32,
    pdf: Vec<u8>,
}

/// The revision row, the certificate's current state and the email with the PDF.
async fn write_revision(
    txn: &impl ConnectionTrait,
    candidate: &Candidate,
    certificate: &certificates::Model,
    rendered: Rendered<'_>,
    user: &CurrentUser,
    base: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let Rendered {
        content,
        hash,
        revision,
        pdf,
    } = rendered;
    let minutes = i32::try_from(candidate.verdict.attended_minutes).unwrap_or(i32::MAX);
    certificate_revisions::ActiveModel {
        certificate_id: Set(certificate.id),
        revision: Set(revision),
        content_hash: Set(hash.to_owned()),
        holder_name: Set(content.holder_name.clone()),
        training_title: Set(content.training_title.clone()),
        training_dates: Set(content.dates.clone()),
        attended_minutes: Set(minutes),
        issued_by: Set(Some(user.id)),
        issued_at: Set(now),
        pdf: Set(pdf.clone()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let mut current: certificates::ActiveModel = certificate.clone().into();
    current.revision = Set(revision);
    current.attended_minutes = Set(minutes);
    current.issued_by = Set(Some(user.id));
    current.issued_at = Set(now);
    current.update(txn).await?;
    if let Some(recipient) = candidate.user.email.clone() {
        let (subject, body_text, body_html) = certificate_mail(&CertificateMail {
            display_name: candidate.user.display_name.clone(),
            training_title: content.training_title.clone(),
            number: certificate.number.clone(),
            corrected: revision > 1,
            space_link: format!("{}/mon-espace", base.trim_end_matches('/')),
        });
        outbox::queue(
            txn,
            NewEmail {
                idempotency_key: format!("certificate:{}:{revision}", certificate.id),
                kind: "certificate",
                recipient,
                subject,
                body_text,
                body_html,
                attachments: vec![NewAttachment {
                    filename: super::file_name(&certificate.number),
                    content_type: "application/pdf".to_owned(),
                    content: pdf,
                }],
            },
        )
        .await?;
    }
    Ok(())
}
