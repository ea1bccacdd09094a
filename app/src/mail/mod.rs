//! Email: messages are queued in the database outbox by the application and
//! delivered by the server's worker. The templates and the queue are server
//! only; the delivery status is shared with the outbox view in the browser.

mod status;

// Server only: each of these files starts with `#![cfg(feature = "ssr")]`.
pub mod certificate;
pub mod certificate_revoked;
pub mod convocation;
pub mod email_changed;
pub mod email_verification;
pub mod erasure_requested;
pub mod follow_up;
pub mod outbox;
pub mod reminder;
pub mod secrets;
pub mod session_cancelled;
mod session_details;
pub mod session_reopened;
pub mod templates;

pub use status::EmailStatus;
