//! The queries and transactions of accounts (server only), one file per purpose.

pub mod accounts_admin;
pub mod create;
pub mod email_change;
pub mod lookup;
pub mod profile;
pub mod reset;
pub mod search;
pub mod sign_in;
pub mod sign_up;
pub mod structure_edit;
pub mod structure_merge;
pub mod structures;
pub mod verification;

pub use create::{EMAIL_TAKEN, NewAccount, create_with_hash, create_with_password};
