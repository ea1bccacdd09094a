//! Integration tests: the real server on a free port, a fresh database per test.
//!
//! The backend is SQLite unless `RELAIS_TEST_DATABASE=postgres`, in which case
//! each test creates (and drops) its own database on the PostgreSQL server named
//! by `RELAIS_TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/test`).
//!
//! One folder per feature of `app/src` (its tests and, in `support.rs`, the
//! calls they share), `mail` for the worker, `platform` for the application as
//! a whole, and `support` for what every test uses.

mod support;

mod accounts;
mod agenda;
mod assessment;
mod attendance;
mod authoring;
mod catalogue;
mod certificates;
mod indicators;
mod journal;
mod mail;
mod outbox;
mod platform;
mod privacy;
mod programme;
mod quiz;
mod sessions;
mod space;
mod starter;
