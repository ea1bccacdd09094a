//! Quiz: attempts on the demo quiz and the trainers' view of the results.

mod attempts;
mod results;
mod results_years;
pub mod support;
