//! Attendance (émargement), the legal proof that a learner followed each
//! half-day of a session: the trainer's roll call and its audited
//! corrections, check-in codes for distance half-days, apologies sent in
//! advance, the « Présences » table of a session, and the attendance sheet
//! downloaded as PDF, CSV or ZIP.

pub mod api;
pub mod pages;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
