//! Email: messages are queued in the database outbox by the application and
//! delivered by the server's worker. The templates and the queue are server
//! only; the delivery status is shared with the outbox view in the browser.

#[cfg(feature = "ssr")]
pub mod certificate;
#[cfg(feature = "ssr")]
pub mod convocation;
#[cfg(feature = "ssr")]
pub mod follow_up;
#[cfg(feature = "ssr")]
pub mod outbox;
#[cfg(feature = "ssr")]
pub mod reminder;
#[cfg(feature = "ssr")]
pub mod session_cancelled;
#[cfg(feature = "ssr")]
mod session_details;
mod status;
#[cfg(feature = "ssr")]
pub mod templates;

pub use status::EmailStatus;
