//! Questionnaires of a session: the self-assessment before and after the
//! course (with an optional retrospective), the satisfaction « à chaud », the
//! trainers' editing of versioned items and the cohort figures.
//!
//! Items live per module (`questionnaires` has one current version per
//! module and kind); responses belong to an enrolment, so a session's cohort
//! is the responses of its enrolments. Default items are created on first
//! need (see `service::questionnaire::current`), which works with or without
//! demo data and for modules created later.

pub mod api;
pub mod pages;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
