//! Attendance (émargement) on the database: the trainer's marks and their
//! audited corrections, signing a half-day, check-in codes, apologies in
//! advance, the views of the roll call and of a session's presences, and
//! the attendance sheet (`sheet`).
//!
//! Every mark lives in `attendance_marks`, one row per slot and enrolment
//! (unique index). Writers insert with `ON CONFLICT DO NOTHING` and, when a
//! row already exists, change it with an update conditioned on the status
//! they read, so two requests racing on one learner never lose a write or
//! audit a change that did not happen.

pub mod apology;
pub mod codes;
pub mod marks;
pub mod presence;
pub mod roll_call;
pub mod scope;
pub mod sheet;
