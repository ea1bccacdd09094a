//! « Journal » (`/coordination/journal`): the audit log as the coordinator
//! reads it — who did what, when, about which session or person — filtered by
//! session, person and dates, 50 entries a page, newest first.

pub mod api;
pub mod pages;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;

pub use pages::JournalPage;
