//! Training sessions: scheduling (module, mode, place, slots, trainers),
//! enrolment with a waiting list, the convocation email, attendance
//! (émargement) per half-day, and their pages.

pub mod api;
#[cfg(feature = "ssr")]
pub mod attendance_sheet;
pub mod attendance_types;
pub mod pages;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
