//! Revoking an issued certificate (the coordinator): the reason is checked
//! (`rules/revocation.rs`), then in one transaction the certificate is marked
//! revoked only if it was not already (a conditional UPDATE, so two clicks
//! revoke once), its holder's notice is queued and the audit entry written.
//! A revoked certificate stays revoked: issuing again skips it.

use crate::db::BeginWrite;
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, sea_query::Expr,
};

use crate::auth::CurrentUser;
use crate::calendar::{french_date, to_local};
use crate::certificates::rules::{already_revoked, revocation_reason};
use crate::certificates::types::RevokeInput;
use crate::db::entities::{certificate_revisions, certificates, enrolments, users};
use crate::error::AppError;
use crate::mail::certificate_revoked::{RevokedMail, certificate_revoked_mail};
use crate::mail::outbox::{self, NewEmail};
use crate::sessions::service::access::{lock_session, require_manager};

/// The issued certificate `id` of session `session_id` (« not found » otherwise).
async fn issued_in(
    db: &DatabaseConnection,
    id: i32,
    session_id: i32,
) -> Result<(certificates::Model, enrolments::Model), AppError> {
    let certificate = certificates::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|c| c.revision > 0)
        .ok_or(AppError::NotFound)?;
    let enrolment = enrolments::Entity::find_by_id(certificate.enrolment_id)
        .one(db)
        .await?
        .filter(|e| e.session_id == session_id)
        .ok_or(AppError::NotFound)?;
    Ok((certificate, enrolment))
}

pub async fn revoke(
    db: &DatabaseConnection,
    user: &CurrentUser,
    input: &RevokeInput,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    require_manager(db, user, input.session_id).await?;
    let (certificate, enrolment) = issued_in(db, input.certificate_id, input.session_id).await?;
    let reason = revocation_reason(
        &input.reason,
        input.confirm,
        certificate.revoked_at.is_some(),
    )?;
    let holder = users::Entity::find_by_id(enrolment.user_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let training_title: Option<String> = certificate_revisions::Entity::find()
        .select_only()
        .column(certificate_revisions::Column::TrainingTitle)
        .filter(certificate_revisions::Column::CertificateId.eq(certificate.id))
        .filter(certificate_revisions::Column::Revision.eq(certificate.revision))
        .into_tuple()
        .one(db)
        .await?;

    let txn = db.begin_write().await?;
    // The same lock as issuing: no revision is written while this one revokes.
    lock_session(&txn, input.session_id).await?;
    let changed = certificates::Entity::update_many()
        .col_expr(certificates::Column::RevokedAt, Expr::value(Some(now)))
        .col_expr(
            certificates::Column::RevocationReason,
            Expr::value(Some(reason.clone())),
        )
        .filter(certificates::Column::Id.eq(certificate.id))
        .filter(certificates::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?
        .rows_affected;
    if changed != 1 {
        txn.rollback().await?;
        return Err(already_revoked().into());
    }
    if let Some(recipient) = holder.email.clone() {
        let (subject, body_text, body_html) = certificate_revoked_mail(&RevokedMail {
            display_name: holder.display_name.clone(),
            training_title: training_title.unwrap_or_default(),
            number: certificate.number.clone(),
            revoked_on: french_date(to_local(now).date()),
            reason: reason.clone(),
        });
        outbox::queue(
            &txn,
            NewEmail {
                idempotency_key: format!("certificate_revoked:{}", certificate.id),
                kind: "certificate_revoked",
                recipient,
                subject,
                body_text,
                body_html,
                attachments: Vec::new(),
            },
        )
        .await?;
    }
    // Ids and the reason only: no name or address in the audit log.
    crate::audit::record(
        &txn,
        Some(user.id),
        "certificate_revoked",
        Some(("certificate", certificate.id)),
        Some(serde_json::json!({
            "session_id": input.session_id,
            "learner": enrolment.user_id,
            "number": certificate.number,
            "reason": reason,
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
