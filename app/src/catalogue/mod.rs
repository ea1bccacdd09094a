//! The catalogue of modules: what a learner opens first, with each module's
//! lessons (rendered from Markdown on the server), resources and quizzes, and
//! the learner's progress.

pub mod api;
pub mod pages;
pub mod rules;
mod types;

pub use api::{ListModules, list_modules};
pub use pages::{CataloguePage, LessonReadPage, ModulePage};
pub use types::{
    LessonLink, LessonPage, ModuleDetail, ModuleFacts, ModuleProgress, ModuleSummary, QuizLink,
    ResourceLink, format_duration,
};

#[cfg(feature = "ssr")]
pub mod service;
