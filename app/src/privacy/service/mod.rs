//! Privacy's queries and transactions (server only), one file per purpose.

pub mod erasure;
pub mod export;
pub mod purge;
pub mod requests;
