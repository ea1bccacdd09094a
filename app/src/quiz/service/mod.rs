//! Quiz queries and the attempt flow (server only).

pub mod attempts;
pub mod closing;
pub mod data;
pub mod outcome;
pub mod results;
pub mod saving;
pub mod stored;
