//! Quiz queries and the attempt flow (server only).

pub mod attempts;
pub mod data;
pub mod outcome;
pub mod results;
