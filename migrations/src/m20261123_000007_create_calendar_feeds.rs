//! Calendar feeds: the secret addresses from which a person's calendar
//! application reads their sessions (`/agenda/<token>.ics`). Only a hash of
//! the token is stored, like sign-in sessions: a database leak opens no feed.
//! At most one live feed per person and kind (a partial unique index), so
//! regenerating a feed always revokes the previous one.

use sea_orm_migration::{prelude::*, schema::*};

use crate::checks::{fk, index, one_of};
use crate::m20261122_000001_create_people::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CalendarFeeds::Table)
                    .col(pk_auto(CalendarFeeds::Id))
                    .col(integer(CalendarFeeds::UserId))
                    // `inscriptions`: sessions the person is confirmed in;
                    // `animation`: sessions they teach.
                    .col(
                        string_len(CalendarFeeds::Kind, 20)
                            .check(one_of(CalendarFeeds::Kind, &["inscriptions", "animation"])),
                    )
                    .col(string_len(CalendarFeeds::TokenHash, 128))
                    .col(timestamp_with_time_zone(CalendarFeeds::CreatedAt))
                    .col(timestamp_with_time_zone_null(CalendarFeeds::RevokedAt))
                    .foreign_key(&mut fk(
                        CalendarFeeds::Table,
                        CalendarFeeds::UserId,
                        Users::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(CalendarFeeds::Table, &["token_hash"], true))
            .await?;
        manager
            .create_index(index(CalendarFeeds::Table, &["user_id"], false))
            .await?;
        // Same syntax on SQLite and PostgreSQL; sea-query has no partial index builder.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX idx_calendar_feeds_live ON calendar_feeds (user_id, kind) \
                 WHERE revoked_at IS NULL",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CalendarFeeds::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum CalendarFeeds {
    Table,
    Id,
    UserId,
    Kind,
    TokenHash,
    CreatedAt,
    RevokedAt,
}
