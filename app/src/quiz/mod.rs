//! Quizzes: question types, answers and the grading rules applied on the server.

pub mod grading;
pub mod normalise;
