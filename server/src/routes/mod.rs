//! Routes that are not server functions: health, calendar feeds, personal
//! data and the file exports. Each checks its caller with
//! `app::auth::require_in` and answers a file with `download::download`.

pub mod calendar;
pub mod certificates;
pub mod csrf;
pub mod download;
pub mod emargement;
pub mod error_status;
pub mod health;
pub mod indicators;
pub mod indicators_raw;
pub mod indicators_report;
pub mod my_data;
pub mod quiz_results;
