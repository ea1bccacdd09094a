//! What the certificate pages and server functions exchange.

use serde::{Deserialize, Serialize};

/// The session's eligibility rule as the form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleView {
    pub min_attendance_percent: u8,
    pub requires_quiz_passed: bool,
    pub requires_post_assessment: bool,
}

/// The certificate a learner already holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedView {
    pub certificate_id: i32,
    pub number: String,
    pub revision: i32,
    /// « 16/04/2030 ».
    pub issued_on: String,
    /// « 03/12/2030 » once revoked: no longer valid nor downloadable.
    pub revoked_on: Option<String>,
}

/// One confirmed learner of the cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortLine {
    pub enrolment_id: i32,
    pub name: String,
    pub structure: Option<String>,
    /// « 2 / 2 demi-journées · 7 h ».
    pub attendance: String,
    pub eligible: bool,
    /// Why not, in French (empty when eligible).
    pub reasons: Vec<String>,
    pub certificate: Option<IssuedView>,
}

/// The certificates page of a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cohort {
    pub session_id: i32,
    pub session_title: String,
    pub module_title: String,
    pub rule: RuleView,
    pub lines: Vec<CohortLine>,
    /// Eligible learners whose certificate is missing or out of date.
    pub pending: usize,
    /// The caller may revoke issued certificates (the coordinator only).
    pub can_revoke: bool,
}

/// The rule form (`input[...]`); checkboxes are absent when unticked.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RuleInput {
    pub session_id: i32,
    pub min_attendance_percent: String,
    #[serde(default)]
    pub requires_quiz_passed: bool,
    #[serde(default)]
    pub requires_post_assessment: bool,
}

/// Issue the session's certificates: all at once (no `batch`, the form
/// without JavaScript) or `batch` at a time (the progress bar).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IssueInput {
    pub session_id: i32,
    #[serde(default)]
    pub batch: Option<u32>,
}

/// What one call issued, and what is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueReport {
    /// New certificates and new revisions written (and emailed).
    pub issued: usize,
    /// Eligible learners still waiting for theirs after this call.
    pub remaining: usize,
}

/// Revoke an issued certificate of the session (`input[...]`): the reason is
/// required and the checkbox `confirm` must be ticked (absent when not).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RevokeInput {
    pub session_id: i32,
    pub certificate_id: i32,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub confirm: bool,
}

/// What the public verification page shows: nothing else (never the
/// reason of a revocation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verification {
    /// `None` once the name is no longer kept: the holder's account was
    /// erased, or the retention period of names on certificates is over.
    pub holder_name: Option<String>,
    pub training_title: String,
    pub training_dates: String,
    /// « jeudi 3 décembre 2026 » when it was revoked.
    pub revoked_on: Option<String>,
}

/// One of the learner's own certificates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCertificate {
    pub certificate_id: i32,
    pub number: String,
    pub training_title: String,
    pub training_dates: String,
    /// « jeudi 3 décembre 2026 » when it was revoked: shown, not downloadable.
    pub revoked_on: Option<String>,
}
