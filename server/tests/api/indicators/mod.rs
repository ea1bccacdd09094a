//! Indicators: the coordinator's dashboard, its exports, the anonymised raw
//! data and the annual report, against one hand-computed year; and what
//! keeps them true over time (`truth.rs`).

mod dashboard;
mod raw;
mod report;
pub mod support;
mod truth;
