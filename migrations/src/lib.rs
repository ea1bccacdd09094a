//! The Relais database schema, as an ordered list of sea-orm migrations.
//!
//! Every migration runs on SQLite and PostgreSQL. Files are named
//! `mYYYYMMDD_HHMMSS_verb_noun.rs` and are never edited once landed: a change to
//! the schema is a new migration. Rules the domain depends on (uniqueness,
//! foreign keys, allowed values) live here, in the database, not only in Rust.

pub use sea_orm_migration::prelude::*;

mod checks;
mod m20261122_000001_create_people;
mod m20261122_000002_create_catalogue;
mod m20261122_000003_create_quiz_attempts;
mod m20261122_000004_create_training_sessions;
mod m20261122_000005_create_assessment;
mod m20261122_000006_create_operations;
mod m20261123_000007_create_calendar_feeds;
mod m20261124_000011_create_certificate_revisions;
mod m20261125_000012_add_attendance_summary;
mod m20261203_000013_create_programme_years;
mod m20261203_000014_add_certificate_revocation;
mod m20261203_000015_add_structure_retirement;
mod m20261203_000016_add_enrolment_snapshot;
mod m20261204_000017_add_content_archiving;
mod m20261206_000018_add_email_verification;
mod m20261207_000019_add_retention;
mod m20261208_000020_add_reading_indexes;
mod m20261209_000021_add_attempts_by_person_index;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_create_people::Migration),
            Box::new(m20261122_000002_create_catalogue::Migration),
            Box::new(m20261122_000003_create_quiz_attempts::Migration),
            Box::new(m20261122_000004_create_training_sessions::Migration),
            Box::new(m20261122_000005_create_assessment::Migration),
            Box::new(m20261122_000006_create_operations::Migration),
            Box::new(m20261123_000007_create_calendar_feeds::Migration),
            Box::new(m20261124_000011_create_certificate_revisions::Migration),
            Box::new(m20261125_000012_add_attendance_summary::Migration),
            Box::new(m20261203_000013_create_programme_years::Migration),
            Box::new(m20261203_000014_add_certificate_revocation::Migration),
            Box::new(m20261203_000015_add_structure_retirement::Migration),
            Box::new(m20261203_000016_add_enrolment_snapshot::Migration),
            Box::new(m20261204_000017_add_content_archiving::Migration),
            Box::new(m20261206_000018_add_email_verification::Migration),
            Box::new(m20261207_000019_add_retention::Migration),
            Box::new(m20261208_000020_add_reading_indexes::Migration),
            Box::new(m20261209_000021_add_attempts_by_person_index::Migration),
        ]
    }
}
