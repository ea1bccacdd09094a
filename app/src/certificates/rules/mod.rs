//! The rules of certificates as plain functions: who is eligible and why
//! not, the hours printed, and the certificate number. No database.

pub mod eligibility;
pub mod numbering;
pub mod text;

pub use eligibility::{Ineligibility, LearnerFacts, QuizFact, Rule, SessionFacts, Verdict, assess};
pub use numbering::certificate_number;
pub use text::french_hours;
