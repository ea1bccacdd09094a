//! Quiz: attempts on the demo quiz and the trainers' view of the results.

mod attempts;
mod results;
pub mod support;
