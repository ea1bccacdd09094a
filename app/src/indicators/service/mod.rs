//! The indicators' SQL (server only). Each query starts from the same scope
//! of sessions (`scope`), so a filter means the same thing everywhere.

pub mod dashboard;
pub mod exports;
mod process;
pub mod raw;
mod results;
mod scope;
pub mod selection;
mod trend;
