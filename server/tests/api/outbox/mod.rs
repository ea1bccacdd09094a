//! Outbox: the coordinator's view of the emails and sending one again.

mod view;
