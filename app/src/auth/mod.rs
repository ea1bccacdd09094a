//! Who is asking (server only): passwords, sign-in sessions, the access guard
//! every server function and export route goes through, and rate limits.

pub mod guard;
pub mod password;
pub mod rate_limit;
pub mod session;
pub mod tokens;

pub use guard::{current_user, require, require_in, require_signed_in};
