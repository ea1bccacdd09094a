//! Modules, lessons and quizzes that have served can be archived instead of
//! deleted: hidden from learners and from new sessions, their answers,
//! attempts and sessions kept, and restored at will. `archived_at` is NULL
//! while the content is in use.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: [&str; 3] = ["modules", "lessons", "quizzes"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .add_column(timestamp_with_time_zone_null(Alias::new("archived_at")))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .drop_column(Alias::new("archived_at"))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
