//! One row per programme year that the coordinator has written: the note that
//! goes with the year's plan (« prévisionnel ») and when it last changed. The
//! numbers themselves stay in `programme_plans`, one row per module.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ProgrammeYears::Table)
                    .col(
                        integer(ProgrammeYears::Year)
                            .primary_key()
                            .check(Expr::col(ProgrammeYears::Year).between(2000, 2200)),
                    )
                    .col(string_len(ProgrammeYears::Note, 2000).default(""))
                    .col(timestamp_with_time_zone(ProgrammeYears::UpdatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ProgrammeYears::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum ProgrammeYears {
    Table,
    Year,
    Note,
    UpdatedAt,
}
