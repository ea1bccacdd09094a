//! The indicators' plain rules: shares, small-cell masking, the written
//! definitions, and the geometry of the charts.

pub mod charts;
pub mod definitions;
pub mod figures;
pub mod raw;
pub mod selection;
pub mod tables;
