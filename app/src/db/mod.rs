//! Database access (server only).

pub mod entities;
