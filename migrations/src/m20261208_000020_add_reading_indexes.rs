//! Indexes for two reads that scanned whole tables at ten years of data:
//! - the messages a person received (« Mes données »), looked up by
//!   `lower(recipient)`: an index on that expression (same syntax on SQLite
//!   and PostgreSQL; sea-query has no expression index builder);
//! - a quiz's attempts of one year (its results), by quiz and start.

use sea_orm_migration::prelude::*;

use crate::checks::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum QuizAttempts {
    Table,
}

const RECIPIENT_INDEX: &str = "idx_email_outbox_recipient_lower";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "CREATE INDEX {RECIPIENT_INDEX} ON email_outbox (lower(recipient))"
            ))
            .await?;
        manager
            .create_index(index(
                QuizAttempts::Table,
                &["quiz_id", "started_at"],
                false,
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_quiz_attempts_quiz_id_started_at")
                    .table(QuizAttempts::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared(&format!("DROP INDEX {RECIPIENT_INDEX}"))
            .await?;
        Ok(())
    }
}
