//! Database access (server only).

#![cfg(feature = "ssr")]

pub mod entities;
