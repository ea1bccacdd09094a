//! Agenda: the calendar feeds of a person's sessions.

mod feeds;
