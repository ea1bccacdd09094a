//! Sessions: planning, enrolment and the waiting list, who manages what, the
//! pages, the convocation email, the reminders, becoming « Réalisée »,
//! editing without losing attendance, reopening and deleting.

mod access;
mod cap;
mod editing;
mod lifecycle;
pub mod mail;
mod pages;
mod paging;
pub mod planning;
mod reminders;
mod reopening;
mod snapshot;
pub mod support;
