//! The quiz pages: rules and history, an attempt (questions, then result), and
//! the results of the trainer's cohorts.

mod attempt;
mod overview;
mod question;
mod result;
mod results;

pub use attempt::AttemptPage;
pub use overview::QuizPage;
pub use results::QuizResultsPage;
