//! Privacy's rules, as plain functions with their unit tests.

pub mod inventory;
pub mod page_cap;
pub mod pseudonym;
pub mod retention;
