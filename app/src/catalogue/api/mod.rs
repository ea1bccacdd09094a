//! Server functions of the catalogue, one per file.

mod lesson;
mod list_modules;
mod mark_lesson;
mod module;
mod my_progress;

pub use lesson::{GetLesson, get_lesson};
pub use list_modules::{ListModules, list_modules};
pub use mark_lesson::{MarkInput, MarkLesson, mark_lesson};
pub use module::{GetModule, get_module};
pub use my_progress::{MyProgress, my_progress};
