//! The catalogue of modules: what a learner opens first, with each module's
//! lessons (rendered from Markdown on the server), resources and quizzes, and
//! the learner's progress.

pub mod access;
pub mod api;
mod lesson_page;
mod module_page;
mod page;
mod types;

pub use api::{ListModules, list_modules};
pub use lesson_page::LessonReadPage;
pub use module_page::ModulePage;
pub use page::CataloguePage;
pub use types::{
    LessonLink, LessonPage, ModuleDetail, ModuleProgress, ModuleSummary, QuizLink, ResourceLink,
    format_duration,
};

#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
pub mod progress;
#[cfg(feature = "ssr")]
pub mod service;
