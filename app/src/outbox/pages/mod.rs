//! The pages of the outbox view.

mod list;
mod message;

pub use list::OutboxPage;
pub use message::OutboxMessagePage;
