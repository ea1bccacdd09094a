//! Quiz attempts and their answers. A submitted attempt is immutable: the
//! application refuses to change it, and `submitted_at` records when it closed.

use sea_orm_migration::{prelude::*, schema::*};

use crate::checks::{fk, index};
use crate::m20261122_000001_create_people::Users;
use crate::m20261122_000002_create_catalogue::{Questions, Quizzes};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(QuizAttempts::Table)
                    .col(pk_auto(QuizAttempts::Id))
                    .col(integer(QuizAttempts::QuizId))
                    .col(integer(QuizAttempts::UserId))
                    .col(integer(QuizAttempts::Number).check(Expr::col(QuizAttempts::Number).gt(0)))
                    // The order in which questions (and choices) were shown, as JSON.
                    .col(json(QuizAttempts::Layout))
                    .col(timestamp_with_time_zone(QuizAttempts::StartedAt))
                    .col(timestamp_with_time_zone_null(QuizAttempts::DeadlineAt))
                    .col(timestamp_with_time_zone_null(QuizAttempts::SubmittedAt))
                    .col(double_null(QuizAttempts::Score))
                    .col(double_null(QuizAttempts::MaxScore))
                    .col(boolean_null(QuizAttempts::Passed))
                    .foreign_key(&mut fk(
                        QuizAttempts::Table,
                        QuizAttempts::QuizId,
                        Quizzes::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        QuizAttempts::Table,
                        QuizAttempts::UserId,
                        Users::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        // Two concurrent "start" clicks can never create two attempts with one number.
        manager
            .create_index(index(
                QuizAttempts::Table,
                &["quiz_id", "user_id", "number"],
                true,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AttemptAnswers::Table)
                    .col(pk_auto(AttemptAnswers::Id))
                    .col(integer(AttemptAnswers::AttemptId))
                    .col(integer(AttemptAnswers::QuestionId))
                    .col(json(AttemptAnswers::Response))
                    .col(double_null(AttemptAnswers::Points))
                    .col(timestamp_with_time_zone(AttemptAnswers::SavedAt))
                    .foreign_key(&mut fk(
                        AttemptAnswers::Table,
                        AttemptAnswers::AttemptId,
                        QuizAttempts::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        AttemptAnswers::Table,
                        AttemptAnswers::QuestionId,
                        Questions::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                AttemptAnswers::Table,
                &["attempt_id", "question_id"],
                true,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AttemptAnswers::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(QuizAttempts::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum QuizAttempts {
    Table,
    Id,
    QuizId,
    UserId,
    Number,
    Layout,
    StartedAt,
    DeadlineAt,
    SubmittedAt,
    Score,
    MaxScore,
    Passed,
}

#[derive(DeriveIden)]
enum AttemptAnswers {
    Table,
    Id,
    AttemptId,
    QuestionId,
    Response,
    Points,
    SavedAt,
}
