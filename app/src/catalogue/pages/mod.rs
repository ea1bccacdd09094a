//! The catalogue's pages: the list of modules, one module, one lesson.

mod catalogue;
mod lesson;
mod module;

pub use catalogue::CataloguePage;
pub use lesson::LessonReadPage;
pub use module::ModulePage;
