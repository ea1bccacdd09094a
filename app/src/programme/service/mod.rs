//! Reading and saving a year's programme (server only).

pub mod read;
pub mod save;
