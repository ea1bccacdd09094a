//! The learning content: modules with their objectives (the skills typology),
//! lessons, resources, progress, quizzes, questions and choices.

use sea_orm_migration::{prelude::*, schema::*};

use crate::checks::{fk, index, one_of};
use crate::m20261122_000001_create_people::Users;

pub const QUESTION_KINDS: &[&str] = &[
    "single_choice",
    "multiple_choice",
    "true_false",
    "short_answer",
    "matching",
    "ordering",
];

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Modules::Table)
                    .col(pk_auto(Modules::Id))
                    .col(string_len(Modules::Slug, 80))
                    .col(string_len(Modules::Title, 200))
                    .col(text(Modules::Summary))
                    .col(
                        integer(Modules::DurationMinutes)
                            .check(Expr::col(Modules::DurationMinutes).gt(0)),
                    )
                    .col(text(Modules::Audience))
                    .col(text(Modules::Prerequisites))
                    .col(integer(Modules::Position).default(0))
                    .col(boolean(Modules::Published).default(false))
                    .col(timestamp_with_time_zone(Modules::CreatedAt))
                    .col(timestamp_with_time_zone(Modules::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(Modules::Table, &["slug"], true))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ModuleObjectives::Table)
                    .col(pk_auto(ModuleObjectives::Id))
                    .col(integer(ModuleObjectives::ModuleId))
                    .col(integer(ModuleObjectives::Position))
                    // Short code used in charts and exports, e.g. "reperer".
                    .col(string_len(ModuleObjectives::Code, 40))
                    .col(text(ModuleObjectives::Label))
                    .foreign_key(&mut fk(
                        ModuleObjectives::Table,
                        ModuleObjectives::ModuleId,
                        Modules::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(ModuleObjectives::Table, &["module_id", "code"], true))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Lessons::Table)
                    .col(pk_auto(Lessons::Id))
                    .col(integer(Lessons::ModuleId))
                    .col(integer(Lessons::Position))
                    .col(string_len(Lessons::Title, 200))
                    .col(text(Lessons::BodyMarkdown))
                    .col(integer(Lessons::EstimatedMinutes).default(15))
                    .col(boolean(Lessons::Published).default(false))
                    .col(timestamp_with_time_zone(Lessons::CreatedAt))
                    .col(timestamp_with_time_zone(Lessons::UpdatedAt))
                    .foreign_key(&mut fk(
                        Lessons::Table,
                        Lessons::ModuleId,
                        Modules::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(Lessons::Table, &["module_id", "position"], false))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Resources::Table)
                    .col(pk_auto(Resources::Id))
                    .col(integer(Resources::ModuleId))
                    .col(integer(Resources::Position))
                    .col(
                        string_len(Resources::Kind, 20)
                            .check(one_of(Resources::Kind, &["link", "document", "contact"])),
                    )
                    .col(string_len(Resources::Title, 200))
                    .col(string_len_null(Resources::Url, 2000))
                    .col(text(Resources::Description))
                    .foreign_key(&mut fk(
                        Resources::Table,
                        Resources::ModuleId,
                        Modules::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(LessonProgress::Table)
                    .col(integer(LessonProgress::UserId))
                    .col(integer(LessonProgress::LessonId))
                    .col(timestamp_with_time_zone(LessonProgress::CompletedAt))
                    .primary_key(
                        Index::create()
                            .col(LessonProgress::UserId)
                            .col(LessonProgress::LessonId),
                    )
                    .foreign_key(&mut fk(
                        LessonProgress::Table,
                        LessonProgress::UserId,
                        Users::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        LessonProgress::Table,
                        LessonProgress::LessonId,
                        Lessons::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Quizzes::Table)
                    .col(pk_auto(Quizzes::Id))
                    .col(integer(Quizzes::ModuleId))
                    .col(string_len(Quizzes::Title, 200))
                    .col(
                        integer(Quizzes::PassMarkPercent)
                            .default(70)
                            .check(Expr::col(Quizzes::PassMarkPercent).between(0, 100)),
                    )
                    .col(
                        integer_null(Quizzes::MaxAttempts).check(
                            Expr::col(Quizzes::MaxAttempts)
                                .is_null()
                                .or(Expr::col(Quizzes::MaxAttempts).gt(0)),
                        ),
                    )
                    .col(
                        integer_null(Quizzes::TimeLimitMinutes).check(
                            Expr::col(Quizzes::TimeLimitMinutes)
                                .is_null()
                                .or(Expr::col(Quizzes::TimeLimitMinutes).gt(0)),
                        ),
                    )
                    .col(boolean(Quizzes::Shuffle).default(true))
                    .col(boolean(Quizzes::Published).default(false))
                    .col(timestamp_with_time_zone(Quizzes::CreatedAt))
                    .col(timestamp_with_time_zone(Quizzes::UpdatedAt))
                    .foreign_key(&mut fk(
                        Quizzes::Table,
                        Quizzes::ModuleId,
                        Modules::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(Quizzes::Table, &["module_id"], false))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Questions::Table)
                    .col(pk_auto(Questions::Id))
                    .col(integer(Questions::QuizId))
                    .col(integer(Questions::Position))
                    .col(
                        string_len(Questions::Kind, 20)
                            .check(one_of(Questions::Kind, QUESTION_KINDS)),
                    )
                    .col(text(Questions::Prompt))
                    .col(text(Questions::Feedback))
                    .col(integer_null(Questions::ObjectiveId))
                    .col(
                        integer(Questions::Points)
                            .default(1)
                            .check(Expr::col(Questions::Points).gt(0)),
                    )
                    // Short answers: the accepted answers, as a JSON array of strings.
                    .col(json_null(Questions::AcceptedAnswers))
                    .foreign_key(&mut fk(
                        Questions::Table,
                        Questions::QuizId,
                        Quizzes::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        Questions::Table,
                        Questions::ObjectiveId,
                        ModuleObjectives::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(Questions::Table, &["quiz_id", "position"], false))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Choices::Table)
                    .col(pk_auto(Choices::Id))
                    .col(integer(Choices::QuestionId))
                    .col(integer(Choices::Position))
                    .col(text(Choices::Label))
                    .col(boolean(Choices::IsCorrect).default(false))
                    // Matching: the right-hand side this choice pairs with.
                    .col(text_null(Choices::MatchLabel))
                    // Ordering: the rank of this choice in the correct order (1-based).
                    .col(integer_null(Choices::CorrectRank))
                    .foreign_key(&mut fk(
                        Choices::Table,
                        Choices::QuestionId,
                        Questions::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(Choices::Table, &["question_id", "position"], false))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Choices::Table.into_iden(),
            Questions::Table.into_iden(),
            Quizzes::Table.into_iden(),
            LessonProgress::Table.into_iden(),
            Resources::Table.into_iden(),
            Lessons::Table.into_iden(),
            ModuleObjectives::Table.into_iden(),
            Modules::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
pub enum Modules {
    Table,
    Id,
    Slug,
    Title,
    Summary,
    DurationMinutes,
    Audience,
    Prerequisites,
    Position,
    Published,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
pub enum ModuleObjectives {
    Table,
    Id,
    ModuleId,
    Position,
    Code,
    Label,
}

#[derive(DeriveIden)]
pub enum Lessons {
    Table,
    Id,
    ModuleId,
    Position,
    Title,
    BodyMarkdown,
    EstimatedMinutes,
    Published,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Resources {
    Table,
    Id,
    ModuleId,
    Position,
    Kind,
    Title,
    Url,
    Description,
}

#[derive(DeriveIden)]
enum LessonProgress {
    Table,
    UserId,
    LessonId,
    CompletedAt,
}

#[derive(DeriveIden)]
pub enum Quizzes {
    Table,
    Id,
    ModuleId,
    Title,
    PassMarkPercent,
    MaxAttempts,
    TimeLimitMinutes,
    Shuffle,
    Published,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
pub enum Questions {
    Table,
    Id,
    QuizId,
    Position,
    Kind,
    Prompt,
    Feedback,
    ObjectiveId,
    Points,
    AcceptedAnswers,
}

#[derive(DeriveIden)]
pub enum Choices {
    Table,
    Id,
    QuestionId,
    Position,
    Label,
    IsCorrect,
    MatchLabel,
    CorrectRank,
}
