//! Server functions of sessions, one per file.

mod add_learners;
mod attendance;
mod cancel;
mod cancel_enrolment;
mod check_in;
mod confirm_slot;
mod create;
mod detail;
mod duplicate;
mod enrol;
mod form_options;
mod list;
mod manage_list;
mod new_checkin_code;
mod roll_call;
mod send_apology;
mod set_mark;
mod update;
mod withdraw_apology;

pub use add_learners::*;
pub use attendance::*;
pub use cancel::*;
pub use cancel_enrolment::*;
pub use check_in::*;
pub use confirm_slot::*;
pub use create::*;
pub use detail::*;
pub use duplicate::*;
pub use enrol::*;
pub use form_options::*;
pub use list::*;
pub use manage_list::*;
pub use new_checkin_code::*;
pub use roll_call::*;
pub use send_apology::*;
pub use set_mark::*;
pub use update::*;
pub use withdraw_apology::*;

use serde::{Deserialize, Serialize};

/// A form that names one session (`input[session_id]`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SessionRef {
    pub session_id: i32,
}
