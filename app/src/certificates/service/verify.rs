//! The public check of a certificate by its code, and the learner's own list.
//! Verification says who, which training and when, and whether it was
//! revoked: nothing else (no structure, email, number or hours). Once the
//! holder's name is no longer kept (erasure, or the end of its retention), it
//! still says the certificate is authentic, without a name.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::auth::CurrentUser;
use crate::calendar::{french_date, to_local};
use crate::certificates::types::{MyCertificate, Verification};
use crate::db::entities::{certificate_revisions, certificates, enrolments};
use crate::error::AppError;

/// What the latest revision certified (holder, training, dates), its PDF left unread.
async fn latest(
    db: &DatabaseConnection,
    certificate: &certificates::Model,
) -> Result<Option<(String, String, String)>, AppError> {
    use certificate_revisions::Column;
    Ok(certificate_revisions::Entity::find()
        .select_only()
        .columns([
            Column::HolderName,
            Column::TrainingTitle,
            Column::TrainingDates,
        ])
        .filter(certificate_revisions::Column::CertificateId.eq(certificate.id))
        .filter(certificate_revisions::Column::Revision.eq(certificate.revision))
        .into_tuple()
        .one(db)
        .await?)
}

/// « jeudi 3 décembre 2026 » (Europe/Paris) if the certificate was revoked.
fn revoked_on(certificate: &certificates::Model) -> Option<String> {
    certificate
        .revoked_at
        .map(|at| french_date(to_local(at).date()))
}

/// 404 for an unknown code (and for a malformed one: the same answer).
pub async fn verify(db: &DatabaseConnection, code: &str) -> Result<Verification, AppError> {
    let well_formed = !code.is_empty()
        && code.len() <= 40
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !well_formed {
        return Err(AppError::NotFound);
    }
    let certificate = certificates::Entity::find()
        .filter(certificates::Column::VerificationCode.eq(code))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (holder_name, training_title, training_dates) =
        latest(db, &certificate).await?.ok_or(AppError::NotFound)?;
    Ok(Verification {
        holder_name: (!crate::privacy::rules::pseudonym::is_erased_person(&holder_name))
            .then_some(holder_name),
        training_title,
        training_dates,
        revoked_on: revoked_on(&certificate),
    })
}

/// The signed-in person's issued certificates, newest first, revoked ones
/// included (shown as such, without their file).
pub async fn mine(
    db: &DatabaseConnection,
    user: &CurrentUser,
) -> Result<Vec<MyCertificate>, AppError> {
    let enrolment_ids: Vec<i32> = enrolments::Entity::find()
        .filter(enrolments::Column::UserId.eq(user.id))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.id)
        .collect();
    let mut out = Vec::new();
    for certificate in certificates::Entity::find()
        .filter(certificates::Column::EnrolmentId.is_in(enrolment_ids))
        .filter(certificates::Column::Revision.gt(0))
        .order_by_desc(certificates::Column::IssuedAt)
        .all(db)
        .await?
    {
        if let Some((_, training_title, training_dates)) = latest(db, &certificate).await? {
            out.push(MyCertificate {
                certificate_id: certificate.id,
                revoked_on: revoked_on(&certificate),
                number: certificate.number,
                training_title,
                training_dates,
            });
        }
    }
    Ok(out)
}
