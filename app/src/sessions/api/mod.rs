//! Server functions of sessions, one per file.

mod add_learners;
mod cancel;
mod cancel_enrolment;
mod create;
mod delete;
mod detail;
mod duplicate;
mod enrol;
mod form_options;
mod list;
mod manage_list;
mod reopen;
mod update;

pub use add_learners::*;
pub use cancel::*;
pub use cancel_enrolment::*;
pub use create::*;
pub use delete::*;
pub use detail::*;
pub use duplicate::*;
pub use enrol::*;
pub use form_options::*;
pub use list::*;
pub use manage_list::*;
pub use reopen::*;
pub use update::*;

use serde::{Deserialize, Serialize};

/// A form that names one session (`input[session_id]`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SessionRef {
    pub session_id: i32,
}
