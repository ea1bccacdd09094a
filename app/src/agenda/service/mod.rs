//! Feeds on the database (server only): creating, revoking and listing a
//! person's feed tokens, and writing the calendar a token opens.

pub mod feed;
pub mod once;
pub mod tokens;
