//! E-mail address verification: `users.email_verified_at` (NULL until the
//! person opens the link sent to their address, or a coordinator confirms
//! it), and `email_verifications`, the links sent (a hash of the token only,
//! the address it was sent to, expiry and use). The accounts that exist
//! already were made by the command line, the demo or people who have used
//! their address with Relais since: they are taken as verified from their
//! creation.

use sea_orm_migration::{prelude::*, schema::*};

use crate::checks::{fk, index};
use crate::m20261122_000001_create_people::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum EmailVerifications {
    Table,
    Id,
    UserId,
    Email,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(timestamp_with_time_zone_null(Alias::new(
                        "email_verified_at",
                    )))
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared("UPDATE users SET email_verified_at = created_at")
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EmailVerifications::Table)
                    .col(pk_auto(EmailVerifications::Id))
                    .col(integer(EmailVerifications::UserId))
                    .col(string_len(EmailVerifications::Email, 254))
                    .col(string_len(EmailVerifications::TokenHash, 128))
                    .col(timestamp_with_time_zone(EmailVerifications::CreatedAt))
                    .col(timestamp_with_time_zone(EmailVerifications::ExpiresAt))
                    .col(timestamp_with_time_zone_null(EmailVerifications::UsedAt))
                    .foreign_key(&mut fk(
                        EmailVerifications::Table,
                        EmailVerifications::UserId,
                        Users::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(EmailVerifications::Table, &["token_hash"], true))
            .await?;
        manager
            .create_index(index(EmailVerifications::Table, &["user_id"], false))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(EmailVerifications::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Alias::new("email_verified_at"))
                    .to_owned(),
            )
            .await
    }
}
