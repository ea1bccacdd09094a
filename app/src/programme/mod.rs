//! The year's programme (« prévisionnel »): how many sessions of each module
//! the CLSM plans per year, entered by the coordinator and compared with the
//! sessions held on « Mon espace », the indicators and the annual report.

pub mod api;
pub mod pages;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;

pub use pages::ProgrammePage;
