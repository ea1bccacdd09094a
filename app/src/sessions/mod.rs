//! Training sessions: scheduling (module, mode, place, slots, trainers),
//! enrolment with a waiting list, the convocation email, and their pages.

pub mod api;
pub mod pages;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
