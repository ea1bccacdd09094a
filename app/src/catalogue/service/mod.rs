//! Catalogue queries (server only): modules, lessons and the reader's progress.

pub mod lessons;
pub mod lists;
pub mod modules;
pub mod progress;
