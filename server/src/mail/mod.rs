//! Email delivery: the worker that empties the `email_outbox` table through
//! one transport (SMTP, or `.eml` files when no SMTP server is configured).
//!
//! The application only queues rows (`app::mail::outbox::queue`, keyed by an
//! idempotency key so a logical message is stored once). This module sends
//! them. Its guarantees:
//!
//! - **Never lost.** A row leaves `queued`/`sending` only for `sent` (after the
//!   transport accepted it) or `failed` (5xx answer, unbuildable message, or
//!   `RELAIS_MAIL_MAX_ATTEMPTS` transient failures). A worker that dies keeps no
//!   claim: its lease expires and any instance claims the row again.
//! - **Sent once per successful attempt.** Claiming is one atomic
//!   `UPDATE … WHERE id IN (SELECT … LIMIT n [FOR UPDATE SKIP LOCKED]) RETURNING *`
//!   (see [`claim`]), so two instances never hold the same row; every outcome is
//!   written only if the row still carries the claim (same `attempts` value), so
//!   a worker whose lease ran out cannot overwrite a newer claim, and a worker
//!   does not start a send whose lease has already expired.
//!
//! **The one duplicate window**: the process dies (or the database is
//! unreachable) after the SMTP server accepted the message and before the row
//! is marked `sent`. The row is then still `sending`; when its lease expires it
//! is claimed and sent again. Only the messages being sent at the moment of
//! the crash can be doubled: at most `RELAIS_MAIL_CONCURRENCY` per instance
//! (the rest of its claimed batch was never handed to SMTP, and is simply sent
//! once after the lease expires). SMTP offers no way to close this window (the
//! acceptance and the database write cannot be one transaction); each message
//! carries a `Message-ID` derived from its row, so a copy has the same
//! `Message-ID` as the original and mail clients can recognise it.
//!
//! Two narrower cases belong to the same window. The connection breaks after
//! the final `.` but before the server's `250` arrives (RFC 1047): the worker
//! cannot know the message went through, counts a transient failure and sends
//! it again. And a send could outlive its lease: a send starts only with at
//! least half the lease left (30 s by default) and every SMTP command times out
//! after 15 s, so this needs a server that stalls on several commands in a row;
//! keep `RELAIS_MAIL_LEASE_MS` well above the slowest exchange you expect.
//! Sends are never cancelled half-way: that would leave a pooled SMTP
//! connection in an unknown state.

mod backoff;
pub mod claim;
mod message;
pub mod settings;
pub mod transport;
mod worker;

pub use settings::MailSettings;
pub use transport::Mailer;
pub use worker::Worker;
