//! From a candidate of the cohort to what their certificate certifies, and
//! which eligible learners still wait for an up-to-date certificate.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use super::document::Content;
use super::load::{Candidate, CohortData};
use crate::calendar::french_days;
use crate::certificates::rules::french_hours;
use crate::db::entities::{certificate_revisions, certificates};
use crate::error::AppError;
use crate::sessions::rules::Mode;

/// The public address that verifies the certificate of `code`.
pub fn verify_url(base: &str, code: &str) -> String {
    format!("{}/verifier/{code}", base.trim_end_matches('/'))
}

pub fn content(
    cohort: &CohortData,
    candidate: &Candidate,
    certificate: &certificates::Model,
    base: &str,
) -> Content {
    let v = &candidate.verdict;
    Content {
        number: certificate.number.clone(),
        holder_name: candidate.user.display_name.clone(),
        holder_structure: candidate.structure.clone(),
        training_title: cohort.module.title.clone(),
        objectives: cohort.objectives.clone(),
        mode: Mode::from_code(&cohort.session.mode)
            .map_or("", Mode::label)
            .to_owned(),
        dates: french_days(&cohort.days),
        attended_hours: french_hours(v.attended_minutes),
        attended_half_days: format!(
            "{} demi-journée(s) suivie(s) sur {}",
            v.attended_half_days, v.total_half_days
        ),
        trainers: cohort.trainers.clone(),
        verify_url: verify_url(base, &certificate.verification_code),
    }
}

/// The content hash of each certificate's latest revision (PDFs not read).
pub async fn latest_hashes(
    db: &impl ConnectionTrait,
    certificates: impl IntoIterator<Item = &certificates::Model>,
) -> Result<HashMap<i32, String>, AppError> {
    let wanted: HashMap<i32, i32> = certificates
        .into_iter()
        .map(|c| (c.id, c.revision))
        .collect();
    let rows: Vec<(i32, i32, String)> = certificate_revisions::Entity::find()
        .select_only()
        .column(certificate_revisions::Column::CertificateId)
        .column(certificate_revisions::Column::Revision)
        .column(certificate_revisions::Column::ContentHash)
        .filter(certificate_revisions::Column::CertificateId.is_in(wanted.keys().copied()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter(|(id, revision, _)| wanted.get(id) == Some(revision))
        .map(|(id, _, hash)| (id, hash))
        .collect())
}

/// Eligible learners whose certificate is missing or certifies something
/// else than what holds now (a correction), in the cohort's order. A revoked
/// certificate is never issued again: its holder is left out.
pub async fn pending<'a>(
    db: &impl ConnectionTrait,
    cohort: &'a CohortData,
    base: &str,
) -> Result<Vec<&'a Candidate>, AppError> {
    let hashes = latest_hashes(
        db,
        cohort
            .candidates
            .iter()
            .filter_map(|c| c.certificate.as_ref()),
    )
    .await?;
    let mut out = Vec::new();
    for c in cohort.candidates.iter().filter(|c| c.verdict.eligible()) {
        let up_to_date = match &c.certificate {
            None => false,
            Some(cert) if cert.revoked_at.is_some() => true,
            Some(cert) => {
                hashes.get(&cert.id).map(String::as_str)
                    == Some(content(cohort, c, cert, base).hash()?.as_str())
            }
        };
        if !up_to_date {
            out.push(c);
        }
    }
    Ok(out)
}
