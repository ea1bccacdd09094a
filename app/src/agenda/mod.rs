//! « Mon agenda »: secret calendar addresses (iCal feeds) a person subscribes
//! to in Outlook, Google or Apple calendars: the sessions they are confirmed
//! in, and, for trainers and the coordinator, the sessions they teach. The
//! feed itself is served by the server's `/agenda/<token>.ics` route.

pub mod api;
pub mod pages;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;

pub use pages::AgendaPage;
