//! Attendance: the roll call and its marks, check-in codes, apologies, each
//! enrolment's summary, and the émargement sheets.

mod codes;
mod emargement;
mod marks;
mod summary;
pub mod support;
