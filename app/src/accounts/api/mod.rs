//! Server functions of accounts: one file per function.

mod admin;
mod profile;
mod reset;
mod sign_in;
mod sign_out;
mod sign_up;
mod structures;
mod structures_admin;
mod who_am_i;

pub use admin::*;
pub use profile::*;
pub use reset::*;
pub use sign_in::*;
pub use sign_out::*;
pub use sign_up::*;
pub use structures::*;
pub use structures_admin::*;
pub use who_am_i::*;
