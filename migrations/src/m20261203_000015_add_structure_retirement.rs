//! A partner structure can be retired: it is no longer offered at sign-up or
//! in the profile, but stays for history and for the people already in it,
//! and can be restored. `retired_at` is NULL while the structure is offered.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Structures::Table)
                    .add_column(timestamp_with_time_zone_null(Structures::RetiredAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Structures::Table)
                    .drop_column(Structures::RetiredAt)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Structures {
    Table,
    RetiredAt,
}
