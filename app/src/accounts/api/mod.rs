//! Server functions of accounts: one file per function, each reading the
//! caller, calling the service and answering.

mod change_role;
mod confirm_erasure;
mod create_structure;
mod demo_mode;
mod list_accounts;
mod list_all_structures;
mod list_structures;
mod my_profile;
mod request_erasure;
mod request_password_reset;
mod reset_password;
mod review_structure;
mod set_active;
mod sign_in;
mod sign_out;
mod sign_up;
mod update_profile;
mod who_am_i;

pub use change_role::*;
pub use confirm_erasure::*;
pub use create_structure::*;
pub use demo_mode::*;
pub use list_accounts::*;
pub use list_all_structures::*;
pub use list_structures::*;
pub use my_profile::*;
pub use request_erasure::*;
pub use request_password_reset::*;
pub use reset_password::*;
pub use review_structure::*;
pub use set_active::*;
pub use sign_in::*;
pub use sign_out::*;
pub use sign_up::*;
pub use update_profile::*;
pub use who_am_i::*;
