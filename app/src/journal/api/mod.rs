//! Server functions of the journal, one per file.

mod read;

pub use read::*;
