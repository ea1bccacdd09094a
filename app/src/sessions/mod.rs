//! Training sessions: scheduling (module, mode, place, slots, trainers),
//! enrolment with a waiting list, the convocation email and reminders, and
//! their pages. Attendance per half-day is its own feature, `attendance`.

pub mod api;
pub mod pages;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
