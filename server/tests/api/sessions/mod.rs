//! Sessions: planning, enrolment and the waiting list, who manages what, the
//! pages, the convocation email and the reminders.

mod access;
pub mod mail;
mod pages;
pub mod planning;
mod reminders;
pub mod support;
