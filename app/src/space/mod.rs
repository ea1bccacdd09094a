//! « Mon espace »: each person's home once signed in, saying what to do next
//! (a learner's next sessions and quizzes, a trainer's roll calls, the
//! coordinator's year against the programme).

pub mod api;
pub mod pages;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;

pub use pages::SpacePage;
