//! The certificates page of a session (who is eligible and why not, who
//! already holds a certificate) and the form of its eligibility rule.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection};

use super::content::pending;
use super::load::{Candidate, load_cohort};
use crate::auth::CurrentUser;
use crate::calendar::to_local;
use crate::certificates::rules::french_hours;
use crate::certificates::types::{Cohort, CohortLine, IssuedView, RuleInput, RuleView};
use crate::db::entities::training_sessions;
use crate::error::AppError;
use crate::roles::Role;
use crate::sessions::service::access::require_manager;

fn line(c: &Candidate) -> CohortLine {
    let v = &c.verdict;
    CohortLine {
        enrolment_id: c.enrolment.id,
        name: c.user.display_name.clone(),
        structure: c.structure.clone(),
        attendance: format!(
            "{} / {} demi-journée(s) · {}",
            v.attended_half_days,
            v.total_half_days,
            french_hours(v.attended_minutes)
        ),
        eligible: v.eligible(),
        reasons: v.reasons.iter().map(|r| r.message()).collect(),
        certificate: c
            .certificate
            .as_ref()
            .filter(|cert| cert.revision > 0)
            .map(|cert| IssuedView {
                certificate_id: cert.id,
                number: cert.number.clone(),
                revision: cert.revision,
                issued_on: to_local(cert.issued_at).format("%d/%m/%Y").to_string(),
                revoked_on: cert
                    .revoked_at
                    .map(|at| to_local(at).format("%d/%m/%Y").to_string()),
            }),
    }
}

pub async fn cohort(
    db: &DatabaseConnection,
    user: &CurrentUser,
    session_id: i32,
    base: &str,
    now: DateTime<Utc>,
) -> Result<Cohort, AppError> {
    let session = require_manager(db, user, session_id).await?;
    let data = load_cohort(db, session, now).await?;
    let pending = pending(db, &data, base).await?.len();
    Ok(Cohort {
        session_id,
        session_title: data.session.title.clone(),
        module_title: data.module.title.clone(),
        rule: RuleView {
            min_attendance_percent: data.rule.min_attendance_percent,
            requires_quiz_passed: data.rule.requires_quiz_passed,
            requires_post_assessment: data.rule.requires_post_assessment,
        },
        lines: data.candidates.iter().map(line).collect(),
        pending,
        can_revoke: user.role == Role::Coordinator,
    })
}

/// Reads « 80 » or « 80 % » as a whole percentage from 0 to 100.
pub fn parse_percent(text: &str) -> Result<i32, AppError> {
    text.trim()
        .trim_end_matches('%')
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|p| (0..=100).contains(p))
        .ok_or_else(|| {
            AppError::invalid(
                "La présence minimale est un pourcentage entier de 0 à 100 (100 : toutes les demi-journées).",
            )
        })
}

pub async fn set_rule(
    db: &DatabaseConnection,
    user: &CurrentUser,
    input: &RuleInput,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let percent = parse_percent(&input.min_attendance_percent)?;
    let session = require_manager(db, user, input.session_id).await?;
    let mut row: training_sessions::ActiveModel = session.into();
    row.min_attendance_percent = Set(percent);
    row.requires_quiz_passed = Set(input.requires_quiz_passed);
    row.requires_post_assessment = Set(input.requires_post_assessment);
    row.updated_at = Set(now);
    row.update(db).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_whole_and_bounded() {
        assert_eq!(parse_percent("80").ok(), Some(80));
        assert_eq!(parse_percent(" 100 % ").ok(), Some(100));
        assert_eq!(parse_percent("0").ok(), Some(0));
        assert!(parse_percent("101").is_err());
        assert!(parse_percent("-1").is_err());
        assert!(parse_percent("80.5").is_err());
        assert!(parse_percent("").is_err());
    }
}
