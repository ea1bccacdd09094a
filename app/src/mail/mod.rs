//! Email: messages are queued in the database outbox by the application and
//! delivered by the server's worker (server only).

pub mod certificate;
pub mod convocation;
pub mod follow_up;
pub mod outbox;
pub mod reminder;
pub mod session_cancelled;
mod session_details;
pub mod templates;
