//! The coordinator's indicators for the local health contract (fiche 14):
//! sessions held against the programme, the attendance funnel, the typology
//! of the people trained, trainee-hours, skills acquired per objective, the
//! people who declare they can prevent and manage crisis situations,
//! satisfaction, partners, and the trend over the years.
//!
//! Every figure is computed by SQL aggregates (`service`), never by loading
//! rows into Rust; the definitions shown on the page live in `rules`.

pub mod api;
pub mod pages;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
