//! The indicators' SQL (server only). Each query starts from the same scope
//! of sessions (`scope`), so a filter means the same thing everywhere. The
//! annual report (`report`) typesets what the dashboard computed.

pub mod dashboard;
pub mod exports;
mod process;
pub mod raw;
pub mod report;
mod results;
mod scope;
pub mod selection;
mod trend;
