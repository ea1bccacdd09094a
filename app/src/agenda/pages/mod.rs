//! The « Mon agenda » page.

mod agenda;

pub use agenda::AgendaPage;
