//! The sessions' work on the database (server only): who may manage a
//! session, saving sessions, enrolling under a lock, the convocation email,
//! marking sessions held (`lifecycle`), and the views sent to pages.

pub mod access;
pub mod add_learners;
pub mod cancellation;
pub mod convocation;
pub mod detail;
pub mod enrol;
pub mod ics;
pub mod lifecycle;
pub mod reminders;
pub mod roster;
pub mod save;
pub mod slots;
pub mod view;
