//! The rules of sessions as plain functions: vocabularies, seats and the
//! waiting list, the checks of the session form, and when a session becomes
//! « Réalisée » (`lifecycle`), which half-days an edit changes
//! (`half_days`), correcting, reopening or deleting a session (`changes`),
//! and where a page of the managed sessions starts (`page`).
//! No database.

pub mod changes;
pub mod draft;
pub mod emails;
pub mod half_days;
pub mod labels;
pub mod lifecycle;
pub mod month;
pub mod month_days;
pub mod page;
pub mod reminders;
pub mod seats;

pub use labels::{EnrolmentStatus, HalfDay, Mode, Status};
