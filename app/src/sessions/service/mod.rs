//! The sessions' work on the database (server only): who may manage a
//! session, saving and changing sessions (`save`, `edit`: half-days with
//! marks are kept), cancelling, reopening (`reopen`) and deleting (`delete`)
//! them with a message to everyone enrolled (`notices`), enrolling under a
//! lock, the convocation email, marking sessions held (`lifecycle`), the
//! typology an enrolment keeps (`snapshot`), and the views sent to pages.

pub mod access;
pub mod add_learners;
pub mod cancellation;
pub mod convocation;
pub mod delete;
pub mod detail;
pub mod edit;
pub mod enrol;
pub mod ics;
pub mod lifecycle;
pub mod notices;
pub mod reminders;
pub mod reopen;
pub mod roster;
pub mod save;
pub mod slots;
pub mod snapshot;
pub mod view;
