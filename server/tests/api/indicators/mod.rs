//! Indicators: the coordinator's dashboard, its exports, the anonymised raw
//! data and the annual report, against one hand-computed year.

mod dashboard;
mod raw;
mod report;
pub mod support;
