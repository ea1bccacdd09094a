//! Questionnaires (self-assessment before/after, satisfaction "à chaud" and
//! "à froid"), their versioned items and answers, and certificates.

use sea_orm_migration::{prelude::*, schema::*};

use crate::checks::{fk, index, one_of};
use crate::m20261122_000001_create_people::Users;
use crate::m20261122_000002_create_catalogue::{ModuleObjectives, Modules};
use crate::m20261122_000004_create_training_sessions::Enrolments;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Once answers exist, items are never changed: a new version is created.
        manager
            .create_table(
                Table::create()
                    .table(Questionnaires::Table)
                    .col(pk_auto(Questionnaires::Id))
                    .col(integer(Questionnaires::ModuleId))
                    .col(string_len(Questionnaires::Kind, 30).check(one_of(
                        Questionnaires::Kind,
                        &[
                            "auto_evaluation",
                            "satisfaction_chaud",
                            "satisfaction_froid",
                        ],
                    )))
                    .col(
                        integer(Questionnaires::Version)
                            .check(Expr::col(Questionnaires::Version).gt(0)),
                    )
                    .col(boolean(Questionnaires::Current).default(true))
                    .col(timestamp_with_time_zone(Questionnaires::CreatedAt))
                    .foreign_key(&mut fk(
                        Questionnaires::Table,
                        Questionnaires::ModuleId,
                        Modules::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Questionnaires::Table,
                &["module_id", "kind", "version"],
                true,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(QuestionnaireItems::Table)
                    .col(pk_auto(QuestionnaireItems::Id))
                    .col(integer(QuestionnaireItems::QuestionnaireId))
                    .col(integer(QuestionnaireItems::Position))
                    .col(text(QuestionnaireItems::Prompt))
                    .col(string_len(QuestionnaireItems::ItemType, 20).check(one_of(
                        QuestionnaireItems::ItemType,
                        &["likert", "yes_no", "free_text"],
                    )))
                    .col(integer_null(QuestionnaireItems::ObjectiveId))
                    // The item the coordinator reports on (crisis prevention and management).
                    .col(boolean(QuestionnaireItems::IsCrisisItem).default(false))
                    .foreign_key(&mut fk(
                        QuestionnaireItems::Table,
                        QuestionnaireItems::QuestionnaireId,
                        Questionnaires::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        QuestionnaireItems::Table,
                        QuestionnaireItems::ObjectiveId,
                        ModuleObjectives::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                QuestionnaireItems::Table,
                &["questionnaire_id", "position"],
                true,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(QuestionnaireResponses::Table)
                    .col(pk_auto(QuestionnaireResponses::Id))
                    .col(integer(QuestionnaireResponses::QuestionnaireId))
                    .col(integer(QuestionnaireResponses::EnrolmentId))
                    // avant / apres (self-assessment), retrospectif, chaud, froid (satisfaction).
                    .col(string_len(QuestionnaireResponses::Phase, 20).check(one_of(
                        QuestionnaireResponses::Phase,
                        &["avant", "apres", "retrospectif", "chaud", "froid"],
                    )))
                    .col(timestamp_with_time_zone(
                        QuestionnaireResponses::SubmittedAt,
                    ))
                    .foreign_key(&mut fk(
                        QuestionnaireResponses::Table,
                        QuestionnaireResponses::QuestionnaireId,
                        Questionnaires::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        QuestionnaireResponses::Table,
                        QuestionnaireResponses::EnrolmentId,
                        Enrolments::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                QuestionnaireResponses::Table,
                &["enrolment_id", "phase"],
                true,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(QuestionnaireAnswers::Table)
                    .col(pk_auto(QuestionnaireAnswers::Id))
                    .col(integer(QuestionnaireAnswers::ResponseId))
                    .col(integer(QuestionnaireAnswers::ItemId))
                    .col(
                        integer_null(QuestionnaireAnswers::ValueInt).check(
                            Expr::col(QuestionnaireAnswers::ValueInt)
                                .is_null()
                                .or(Expr::col(QuestionnaireAnswers::ValueInt).between(0, 5)),
                        ),
                    )
                    .col(text_null(QuestionnaireAnswers::ValueText))
                    .foreign_key(&mut fk(
                        QuestionnaireAnswers::Table,
                        QuestionnaireAnswers::ResponseId,
                        QuestionnaireResponses::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        QuestionnaireAnswers::Table,
                        QuestionnaireAnswers::ItemId,
                        QuestionnaireItems::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                QuestionnaireAnswers::Table,
                &["response_id", "item_id"],
                true,
            ))
            .await?;
        manager
            .create_index(index(QuestionnaireAnswers::Table, &["item_id"], false))
            .await?;

        // One certificate per enrolment, same number forever; each re-issue is a revision.
        manager
            .create_table(
                Table::create()
                    .table(Certificates::Table)
                    .col(pk_auto(Certificates::Id))
                    .col(integer(Certificates::EnrolmentId))
                    .col(string_len(Certificates::Number, 40))
                    .col(string_len(Certificates::VerificationCode, 40))
                    .col(integer(Certificates::Revision).default(1))
                    .col(integer(Certificates::AttendedMinutes))
                    .col(integer_null(Certificates::IssuedBy))
                    .col(timestamp_with_time_zone(Certificates::IssuedAt))
                    .col(timestamp_with_time_zone_null(Certificates::RevokedAt))
                    .foreign_key(&mut fk(
                        Certificates::Table,
                        Certificates::EnrolmentId,
                        Enrolments::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        Certificates::Table,
                        Certificates::IssuedBy,
                        Users::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(Certificates::Table, &["enrolment_id"], true))
            .await?;
        manager
            .create_index(index(Certificates::Table, &["number"], true))
            .await?;
        manager
            .create_index(index(Certificates::Table, &["verification_code"], true))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Certificates::Table.into_iden(),
            QuestionnaireAnswers::Table.into_iden(),
            QuestionnaireResponses::Table.into_iden(),
            QuestionnaireItems::Table.into_iden(),
            Questionnaires::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Questionnaires {
    Table,
    Id,
    ModuleId,
    Kind,
    Version,
    Current,
    CreatedAt,
}

#[derive(DeriveIden)]
enum QuestionnaireItems {
    Table,
    Id,
    QuestionnaireId,
    Position,
    Prompt,
    ItemType,
    ObjectiveId,
    IsCrisisItem,
}

#[derive(DeriveIden)]
enum QuestionnaireResponses {
    Table,
    Id,
    QuestionnaireId,
    EnrolmentId,
    Phase,
    SubmittedAt,
}

#[derive(DeriveIden)]
enum QuestionnaireAnswers {
    Table,
    Id,
    ResponseId,
    ItemId,
    ValueInt,
    ValueText,
}

#[derive(DeriveIden)]
enum Certificates {
    Table,
    Id,
    EnrolmentId,
    Number,
    VerificationCode,
    Revision,
    AttendedMinutes,
    IssuedBy,
    IssuedAt,
    RevokedAt,
}
