//! Server functions of privacy: one file per function.

mod my_data;
mod notice;

pub use my_data::*;
pub use notice::*;
