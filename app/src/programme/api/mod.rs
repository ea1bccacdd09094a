//! Server functions of the programme, coordinator only.

mod read;
mod save;

pub use read::*;
pub use save::*;
