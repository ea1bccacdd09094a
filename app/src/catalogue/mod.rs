//! The catalogue of modules: what a learner opens first.

mod api;
mod page;
mod types;

pub use api::{ListModules, list_modules};
pub use page::CataloguePage;
pub use types::{ModuleSummary, format_duration};

#[cfg(feature = "ssr")]
pub mod service;
