//! Server functions of quizzes, one per file.

pub mod answer;
mod attempt;
mod overview;
mod results;
mod start;

pub use answer::{AnswerAttempt, AnswerInput, AnswerOutcome, answer_attempt};
pub use attempt::{GetAttempt, get_attempt};
pub use overview::{QuizOverviewFn, quiz_overview};
pub use results::{QuizResultsFn, quiz_results};
pub use start::{StartAttempt, StartInput, start_attempt};
