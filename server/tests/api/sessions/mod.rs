//! Sessions: planning, enrolment and the waiting list, who manages what, the
//! pages, the convocation email, the reminders, and becoming « Réalisée ».

mod access;
mod lifecycle;
pub mod mail;
mod pages;
pub mod planning;
mod reminders;
pub mod support;
