//! Server functions of the outbox view (coordinator only): one file per function.

mod message;
mod requeue;
mod summary;

pub use message::*;
pub use requeue::*;
pub use summary::*;
