//! Server functions of certificates, one per file.

mod cohort;
mod issue;
mod mine;
mod set_rule;
mod verify;

pub use cohort::*;
pub use issue::*;
pub use mine::*;
pub use set_rule::*;
pub use verify::*;
