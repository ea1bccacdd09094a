//! The coordinator's view of the email outbox: how many messages are queued,
//! sent or failed, why a message failed, its content, and « Renvoyer ».

mod api;
mod page;
mod types;

pub use api::*;
pub use page::{OutboxMessagePage, OutboxPage};
pub use types::{OutboxMessage, OutboxRow, OutboxSummary, status_label};
