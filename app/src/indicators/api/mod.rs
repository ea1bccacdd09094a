//! Server functions of the indicators, one per file.

mod dashboard;

pub use dashboard::*;
