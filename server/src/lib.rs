//! The Relais server: configuration, start-up, routes that are not server
//! functions, background workers and the demonstration data.

pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod mail;
pub mod purge;
pub mod reminders;
pub mod router;
pub mod routes;
pub mod shutdown;
pub mod startup;
pub mod telemetry;

pub use config::Config;
pub use startup::Application;
