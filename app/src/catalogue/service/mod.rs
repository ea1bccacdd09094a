//! Catalogue queries (server only): modules, lessons and the reader's progress.

pub mod lessons;
pub mod modules;
pub mod progress;
