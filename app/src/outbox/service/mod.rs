//! The outbox queries (server only): what the coordinator sees, and putting a
//! failed message back in the queue.

pub mod requeue;
pub mod view;
