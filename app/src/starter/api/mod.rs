//! Server functions of the starter content.

mod install;
mod offer;

pub use install::*;
pub use offer::*;
