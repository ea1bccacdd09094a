//! The certificate files: one PDF for its holder (or the session's
//! managers), and all of a session's certificates in one ZIP for its
//! managers. Someone else asking for a certificate gets 404, so its
//! existence is not revealed either; a revoked certificate is no longer
//! handed out to anyone (404, left out of the ZIP).

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use super::file_name;
use crate::archive::zip_files;
use crate::auth::CurrentUser;
use crate::db::entities::{certificate_revisions, certificates, enrolments};
use crate::error::AppError;
use crate::sessions::service::access::{may_manage, require_manager};

/// The latest revision's PDF; 404 once it is no longer kept (its holder was
/// erased, or its retention period is over: the file is then empty).
async fn pdf_of(
    db: &DatabaseConnection,
    certificate: &certificates::Model,
) -> Result<Vec<u8>, AppError> {
    certificate_revisions::Entity::find()
        .select_only()
        .column(certificate_revisions::Column::Pdf)
        .filter(certificate_revisions::Column::CertificateId.eq(certificate.id))
        .filter(certificate_revisions::Column::Revision.eq(certificate.revision))
        .into_tuple::<Vec<u8>>()
        .one(db)
        .await?
        .filter(|pdf| !pdf.is_empty())
        .ok_or(AppError::NotFound)
}

/// The file name and PDF of certificate `id`'s latest revision.
pub async fn certificate_file(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: i32,
) -> Result<(String, Vec<u8>), AppError> {
    let certificate = certificates::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|c| c.revoked_at.is_none())
        .ok_or(AppError::NotFound)?;
    let enrolment = enrolments::Entity::find_by_id(certificate.enrolment_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let allowed =
        enrolment.user_id == user.id || may_manage(db, Some(user), enrolment.session_id).await?;
    if !allowed {
        return Err(AppError::NotFound);
    }
    let pdf = pdf_of(db, &certificate).await?;
    Ok((file_name(&certificate.number), pdf))
}

/// `certificats-session-<id>.zip` holding every valid certificate of the session.
pub async fn session_zip(
    db: &DatabaseConnection,
    user: &CurrentUser,
    session_id: i32,
) -> Result<(String, Vec<u8>), AppError> {
    require_manager(db, user, session_id).await?;
    let enrolment_ids: Vec<i32> = enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.eq(session_id))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.id)
        .collect();
    let mut files = Vec::new();
    for certificate in certificates::Entity::find()
        .filter(certificates::Column::EnrolmentId.is_in(enrolment_ids))
        .filter(certificates::Column::Revision.gt(0))
        .filter(certificates::Column::RevokedAt.is_null())
        .all(db)
        .await?
    {
        match pdf_of(db, &certificate).await {
            Ok(pdf) => files.push((file_name(&certificate.number), pdf)),
            Err(AppError::NotFound) => {} // no longer kept
            Err(e) => return Err(e),
        }
    }
    let zip = crate::blocking::run(move || zip_files(&files)).await??;
    Ok((format!("certificats-session-{session_id}.zip"), zip))
}
