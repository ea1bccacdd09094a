//! The rules of certificates as plain functions: who is eligible and why
//! not, the hours printed, the certificate number and what a revocation
//! needs. No database.

pub mod eligibility;
pub mod numbering;
pub mod revocation;
pub mod text;

pub use eligibility::{Ineligibility, LearnerFacts, QuizFact, Rule, SessionFacts, Verdict, assess};
pub use numbering::certificate_number;
pub use revocation::{REASON_MAX_CHARS, already_revoked, revocation_reason};
pub use text::french_hours;
