//! Personal data as the privacy notice promises (RGPD): the person's access to
//! everything held about them (`/mes-donnees`), erasure once the coordinator
//! confirms it (pseudonymised where the law requires keeping a record), and
//! the retention durations — one list that the privacy page prints and the
//! daily purge applies.

pub mod api;
pub mod pages;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;
mod types;

pub use types::*;
