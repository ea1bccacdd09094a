//! A quiz's results for the people who teach it, one calendar year at a time:
//! per learner (lessons done, attempts, best score), 50 learners a page, and
//! per question (share of answers earning every point).
//!
//! Scope: a trainer sees the learners confirmed in the sessions of this module
//! that they teach (their cohorts), and of each only what they did since they
//! were first enrolled in one of those sessions: adding someone to a session
//! does not open their past to the trainer. The coordinator sees everyone who
//! took it. Both are SQL conditions (`scope.rs`), so ten years of attempts are
//! never read to show one page.

mod csv;
mod read;
mod scope;

pub use csv::results_csv;
pub use read::{Page, quiz_results};
