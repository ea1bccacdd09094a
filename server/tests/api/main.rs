//! Integration tests: the real server on a free port, a fresh database per test.
//!
//! The backend is SQLite unless `RELAIS_TEST_DATABASE=postgres`, in which case
//! each test creates (and drops) its own database on the PostgreSQL server named
//! by `RELAIS_TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/test`).

mod helpers;
mod smtp;

mod accounts;
mod agenda_feeds;
mod assessment;
mod assessment_cohort;
mod assessment_follow_up;
mod assessment_support;
mod attendance;
mod attendance_codes;
mod attendance_summary;
mod attendance_support;
mod authoring;
mod binary;
mod catalogue;
mod certificates;
mod certificates_access;
mod certificates_mail;
mod certificates_support;
mod demo;
mod emargement;
mod health;
mod indicators;
mod indicators_raw;
mod indicators_report;
mod indicators_support;
mod lessons;
mod mail_crash;
mod mail_delivery;
mod mail_faults;
mod mail_instances;
mod outbox_view;
mod pages;
mod quiz_attempts;
mod quiz_results;
mod quiz_support;
mod reminders;
mod role_matrix;
mod schema;
mod sessions;
mod sessions_access;
mod sessions_mail;
mod sessions_pages;
mod sessions_support;
mod space_homes;
