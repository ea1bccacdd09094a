//! The coordinator's view of the email outbox: how many messages are queued,
//! sent or failed, why a message failed, its content, and « Renvoyer ».

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
mod types;

pub use api::*;
pub use pages::{OutboxMessagePage, OutboxPage};
pub use types::{OutboxMessage, OutboxRow, OutboxSummary};
