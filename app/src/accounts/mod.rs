//! Accounts: who people are, and the rules their details follow; sign-up,
//! sign-in, password reset, profile, and the coordinator's management.

pub mod api;
pub mod context;
#[cfg(feature = "ssr")]
pub mod lookup;
pub mod pages;
pub mod sector;
#[cfg(feature = "ssr")]
pub mod service;
mod types;
pub mod validation;

pub use types::{AccountRow, CurrentUser, Profile, StructureOption};
