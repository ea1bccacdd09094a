//! Who is asking: the signed-in person (both targets), and on the server
//! passwords, sign-in sessions, the access guard every server function and
//! export route goes through, and rate limits.

mod current_user;

// Server only: each of these files starts with `#![cfg(feature = "ssr")]`.
pub mod client;
pub mod guard;
pub mod password;
pub mod rate_limit;
pub mod session;
pub mod tokens;

pub use current_user::CurrentUser;
#[cfg(feature = "ssr")]
pub use guard::{current_user, provide_request_user, require, require_in, require_signed_in};
