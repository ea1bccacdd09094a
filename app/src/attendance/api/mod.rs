//! Server functions of attendance, one per file. Their endpoints keep the
//! `sessions/` prefix they were published under (forms and load tests post
//! to them).

mod attendance;
mod check_in;
mod confirm_slot;
mod new_checkin_code;
mod roll_call;
mod send_apology;
mod set_mark;
mod withdraw_apology;

pub use attendance::*;
pub use check_in::*;
pub use confirm_slot::*;
pub use new_checkin_code::*;
pub use roll_call::*;
pub use send_apology::*;
pub use set_mark::*;
pub use withdraw_apology::*;
