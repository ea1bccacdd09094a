//! The home page: what Relais is for, and where to go next.
//!
//! A page-only feature (no server function, no query): it still keeps its
//! component under `pages/`, so that every feature reads the same way and a
//! page is always found in a `pages/` folder.

pub mod pages;

pub use pages::HomePage;
