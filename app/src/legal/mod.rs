//! The legal pages every public service owes its users.
//!
//! A page-only feature (no server function, no query): it still keeps its
//! components under `pages/`, so that every feature reads the same way and a
//! page is always found in a `pages/` folder.

pub mod pages;

pub use pages::AccessibilityPage;
