//! Server functions of certificates, one per file.

mod cohort;
mod issue;
mod mine;
mod revoke;
mod set_rule;
mod verify;

pub use cohort::*;
pub use issue::*;
pub use mine::*;
pub use revoke::*;
pub use set_rule::*;
pub use verify::*;
