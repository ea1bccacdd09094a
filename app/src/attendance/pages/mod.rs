//! The pages of attendance: the roll call of a half-day (one row per
//! learner), and the « Présences » parts of a session page (the table for
//! its managers, « Ma présence » with check-in and apologies for a learner).

mod presence;
mod roll_call;
mod roll_call_row;

pub use presence::{MyPresence, PresenceActions, PresenceTableView};
pub use roll_call::RollCallPage;
