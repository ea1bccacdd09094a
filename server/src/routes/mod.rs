//! Routes that are not server functions: health, and later exports, calendar
//! feeds and certificate verification.

pub mod calendar;
pub mod certificates;
pub mod csrf;
pub mod emargement;
pub mod exports;
pub mod health;
pub mod indicators;
pub mod indicators_raw;
pub mod indicators_report;
pub mod my_data;
