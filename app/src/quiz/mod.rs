//! Quizzes: question types, answers and the grading rules applied on the server,
//! the attempt flow and the pages of learners and trainers.

pub mod api;
pub mod pages;
pub mod rules;
pub mod types;

#[cfg(feature = "ssr")]
pub mod service;
