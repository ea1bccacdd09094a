//! Accounts: who people are, and the rules their details follow; sign-up,
//! sign-in, password reset, profile, the download of one's own data, and the
//! coordinator's management of accounts and partner structures.

pub mod api;
pub mod pages;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;
mod types;

pub use types::*;
