//! The workshop's pages (« Atelier »): every form is an `ActionForm`, so that
//! everything works before (or without) JavaScript; errors come back in French.

mod controls;
mod lesson;
mod module;
mod module_lists;
mod notices;
mod question_form;
mod quiz;
mod removal;
mod workshop;

pub use lesson::LessonEditPage;
pub use module::ModuleEditPage;
pub use quiz::QuizEditPage;
pub use workshop::WorkshopPage;
