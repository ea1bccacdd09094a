//! Server functions of authoring, one per file. Each checks on the server that
//! the caller is a trainer or the coordinator before anything else.

mod archive;
mod create_lesson;
mod create_module;
mod create_quiz;
mod create_resource;
mod delete;
mod delete_question;
mod delete_resource;
mod lesson;
mod module;
mod modules;
mod move_item;
mod preview;
mod publish;
mod quiz;
mod save_question;
mod update_lesson;
mod update_module;
mod update_quiz;

pub use archive::*;
pub use create_lesson::*;
pub use create_module::*;
pub use create_quiz::*;
pub use create_resource::*;
pub use delete::*;
pub use delete_question::*;
pub use delete_resource::*;
pub use lesson::*;
pub use module::*;
pub use modules::*;
pub use move_item::*;
pub use preview::*;
pub use publish::*;
pub use quiz::*;
pub use save_question::*;
pub use update_lesson::*;
pub use update_module::*;
pub use update_quiz::*;
