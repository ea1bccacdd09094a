//! Server functions of questionnaires, one per file.

mod cohort;
mod edit_item;
mod editor;
mod learner_view;
mod pending;
mod submit;

pub use cohort::*;
pub use edit_item::*;
pub use editor::*;
pub use learner_view::*;
pub use pending::*;
pub use submit::*;
