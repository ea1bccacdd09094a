//! Quizzes: question types, answers and the grading rules applied on the server,
//! the attempt flow and the pages of learners and trainers.

pub mod api;
pub mod describe;
pub mod form;
pub mod grading;
pub mod key;
pub mod normalise;
pub mod pages;
pub mod types;

#[cfg(feature = "ssr")]
pub mod layout;
#[cfg(feature = "ssr")]
pub mod service;
