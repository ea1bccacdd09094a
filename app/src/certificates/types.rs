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

/// What the public verification page shows: nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verification {
    pub holder_name: String,
    pub training_title: String,
    pub training_dates: String,
    pub revoked: bool,
}

/// One of the learner's own certificates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCertificate {
    pub certificate_id: i32,
    pub number: String,
    pub training_title: String,
    pub training_dates: String,
}
