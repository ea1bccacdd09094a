//! Routes that are not server functions: health, calendar feeds, personal
//! data and the file exports, and the layers around every route (CSRF,
//! error statuses, security headers, the public pages' cache). Each checks its caller with
//! `app::auth::require_in` and answers a file with `download::download`.

pub mod body_limit;
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
pub mod page_cache;
pub mod quiz_results;
pub mod security_headers;
pub mod static_files;
