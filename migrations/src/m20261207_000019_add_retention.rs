//! Retention (the durations of `app::privacy::rules::retention`):
//! `users.last_sign_in_at`, the last time the person signed in, one of the
//! activities an account is kept after — taken, for the accounts that exist,
//! from the journal, which holds every sign-in so far (nothing was purged
//! before this migration); and `job_runs`, when each once-a-day job last
//! ran, so that several server instances run it once between them (one
//! conditional update claims the day). The purge's row starts at the epoch:
//! the first instance to look runs it.

use sea_orm_migration::sea_orm::prelude::ChronoDateTimeUtc;
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_create_people::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum JobRuns {
    Table,
    Name,
    RanAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(timestamp_with_time_zone_null(Alias::new("last_sign_in_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE users SET last_sign_in_at = (SELECT MAX(a.occurred_at) FROM audit_log a \
                 WHERE a.action = 'sign_in' AND a.actor_id = users.id)",
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(JobRuns::Table)
                    .col(string_len(JobRuns::Name, 40).primary_key())
                    .col(timestamp_with_time_zone(JobRuns::RanAt))
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(JobRuns::Table)
                    .columns([JobRuns::Name, JobRuns::RanAt])
                    .values_panic(["purge".into(), ChronoDateTimeUtc::UNIX_EPOCH.into()])
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(JobRuns::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Alias::new("last_sign_in_at"))
                    .to_owned(),
            )
            .await
    }
}
