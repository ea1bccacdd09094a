//! The journal's rules as plain functions: French labels of actions and
//! targets, readable details, and reading the filters. No database.

pub mod details;
pub mod filter;
pub mod labels;
