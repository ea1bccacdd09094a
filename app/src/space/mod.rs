//! « Mon espace »: each person's home once signed in.

mod page;
mod progress;

pub use page::SpacePage;
