//! The journal's page and its table.

mod entries;
mod journal;

pub use journal::JournalPage;
