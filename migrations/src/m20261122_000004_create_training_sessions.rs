//! Training sessions and what happens in them: the year's programme, sessions,
//! half-day slots, trainers, enrolments (with the waiting list) and attendance.

use sea_orm_migration::{prelude::*, schema::*};

use crate::checks::{fk, index, one_of};
use crate::m20261122_000001_create_people::Users;
use crate::m20261122_000002_create_catalogue::Modules;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The number of sessions planned per module and year ("prévisionnel").
        manager
            .create_table(
                Table::create()
                    .table(ProgrammePlans::Table)
                    .col(pk_auto(ProgrammePlans::Id))
                    .col(
                        integer(ProgrammePlans::Year)
                            .check(Expr::col(ProgrammePlans::Year).between(2000, 2200)),
                    )
                    .col(integer(ProgrammePlans::ModuleId))
                    .col(
                        integer(ProgrammePlans::PlannedSessions)
                            .check(Expr::col(ProgrammePlans::PlannedSessions).gte(0)),
                    )
                    .foreign_key(&mut fk(
                        ProgrammePlans::Table,
                        ProgrammePlans::ModuleId,
                        Modules::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(ProgrammePlans::Table, &["year", "module_id"], true))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(TrainingSessions::Table)
                    .col(pk_auto(TrainingSessions::Id))
                    .col(integer(TrainingSessions::ModuleId))
                    .col(string_len(TrainingSessions::Title, 200))
                    .col(string_len(TrainingSessions::Mode, 20).check(one_of(
                        TrainingSessions::Mode,
                        &["presentiel", "distanciel", "hybride"],
                    )))
                    .col(string_len_null(TrainingSessions::PlaceAddress, 300))
                    .col(string_len_null(TrainingSessions::PlaceRoom, 120))
                    .col(string_len_null(TrainingSessions::VisioUrl, 2000))
                    .col(
                        integer(TrainingSessions::Capacity)
                            .check(Expr::col(TrainingSessions::Capacity).gt(0)),
                    )
                    .col(
                        string_len(TrainingSessions::Status, 20)
                            .default("prevue")
                            .check(one_of(
                                TrainingSessions::Status,
                                &["prevue", "realisee", "annulee"],
                            )),
                    )
                    .col(text_null(TrainingSessions::CancelReason))
                    .col(integer(TrainingSessions::ProgrammeYear))
                    .col(timestamp_with_time_zone_null(
                        TrainingSessions::EnrolmentDeadline,
                    ))
                    // Certificate eligibility, set by the trainer.
                    .col(
                        integer(TrainingSessions::MinAttendancePercent)
                            .default(100)
                            .check(
                                Expr::col(TrainingSessions::MinAttendancePercent).between(0, 100),
                            ),
                    )
                    .col(boolean(TrainingSessions::RequiresQuizPassed).default(false))
                    .col(boolean(TrainingSessions::RequiresPostAssessment).default(false))
                    .col(integer_null(TrainingSessions::CreatedBy))
                    .col(timestamp_with_time_zone(TrainingSessions::CreatedAt))
                    .col(timestamp_with_time_zone(TrainingSessions::UpdatedAt))
                    .foreign_key(&mut fk(
                        TrainingSessions::Table,
                        TrainingSessions::ModuleId,
                        Modules::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        TrainingSessions::Table,
                        TrainingSessions::CreatedBy,
                        Users::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                TrainingSessions::Table,
                &["programme_year", "status"],
                false,
            ))
            .await?;
        manager
            .create_index(index(TrainingSessions::Table, &["module_id"], false))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SessionSlots::Table)
                    .col(pk_auto(SessionSlots::Id))
                    .col(integer(SessionSlots::SessionId))
                    // The local (Europe/Paris) calendar day and half-day ...
                    .col(date(SessionSlots::Day))
                    .col(
                        string_len(SessionSlots::HalfDay, 20)
                            .check(one_of(SessionSlots::HalfDay, &["matin", "apres_midi"])),
                    )
                    // ... and the exact instants, in UTC, so no clock change can shift them.
                    .col(timestamp_with_time_zone(SessionSlots::StartsAt))
                    .col(timestamp_with_time_zone(SessionSlots::EndsAt))
                    .col(timestamp_with_time_zone_null(SessionSlots::ConfirmedAt))
                    .col(integer_null(SessionSlots::ConfirmedBy))
                    .check(Expr::col(SessionSlots::EndsAt).gt(Expr::col(SessionSlots::StartsAt)))
                    .foreign_key(&mut fk(
                        SessionSlots::Table,
                        SessionSlots::SessionId,
                        TrainingSessions::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        SessionSlots::Table,
                        SessionSlots::ConfirmedBy,
                        Users::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                SessionSlots::Table,
                &["session_id", "day", "half_day"],
                true,
            ))
            .await?;
        manager
            .create_index(index(SessionSlots::Table, &["starts_at"], false))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SessionTrainers::Table)
                    .col(integer(SessionTrainers::SessionId))
                    .col(integer(SessionTrainers::UserId))
                    .primary_key(
                        Index::create()
                            .col(SessionTrainers::SessionId)
                            .col(SessionTrainers::UserId),
                    )
                    .foreign_key(&mut fk(
                        SessionTrainers::Table,
                        SessionTrainers::SessionId,
                        TrainingSessions::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        SessionTrainers::Table,
                        SessionTrainers::UserId,
                        Users::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(SessionTrainers::Table, &["user_id"], false))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Enrolments::Table)
                    .col(pk_auto(Enrolments::Id))
                    .col(integer(Enrolments::SessionId))
                    .col(integer(Enrolments::UserId))
                    .col(string_len(Enrolments::Status, 20).check(one_of(
                        Enrolments::Status,
                        &["confirmee", "liste_attente", "annulee"],
                    )))
                    .col(timestamp_with_time_zone(Enrolments::EnrolledAt))
                    .col(timestamp_with_time_zone_null(Enrolments::ConfirmedAt))
                    .col(timestamp_with_time_zone_null(Enrolments::CancelledAt))
                    .foreign_key(&mut fk(
                        Enrolments::Table,
                        Enrolments::SessionId,
                        TrainingSessions::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        Enrolments::Table,
                        Enrolments::UserId,
                        Users::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(Enrolments::Table, &["session_id", "user_id"], true))
            .await?;
        manager
            .create_index(index(Enrolments::Table, &["user_id"], false))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AttendanceMarks::Table)
                    .col(pk_auto(AttendanceMarks::Id))
                    .col(integer(AttendanceMarks::SlotId))
                    .col(integer(AttendanceMarks::EnrolmentId))
                    .col(string_len(AttendanceMarks::Status, 20).check(one_of(
                        AttendanceMarks::Status,
                        &["present", "retard", "absent_excuse", "absent"],
                    )))
                    .col(string_len(AttendanceMarks::Method, 20).check(one_of(
                        AttendanceMarks::Method,
                        &["appel", "code", "excuse", "correction"],
                    )))
                    .col(timestamp_with_time_zone(AttendanceMarks::RecordedAt))
                    .col(integer_null(AttendanceMarks::RecordedBy))
                    .col(text_null(AttendanceMarks::Note))
                    .foreign_key(&mut fk(
                        AttendanceMarks::Table,
                        AttendanceMarks::SlotId,
                        SessionSlots::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        AttendanceMarks::Table,
                        AttendanceMarks::EnrolmentId,
                        Enrolments::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        AttendanceMarks::Table,
                        AttendanceMarks::RecordedBy,
                        Users::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                AttendanceMarks::Table,
                &["slot_id", "enrolment_id"],
                true,
            ))
            .await?;
        manager
            .create_index(index(AttendanceMarks::Table, &["enrolment_id"], false))
            .await?;

        // Rotating check-in codes for distance slots; only a hash is kept.
        manager
            .create_table(
                Table::create()
                    .table(CheckinCodes::Table)
                    .col(pk_auto(CheckinCodes::Id))
                    .col(integer(CheckinCodes::SlotId))
                    .col(string_len(CheckinCodes::CodeHash, 128))
                    .col(timestamp_with_time_zone(CheckinCodes::CreatedAt))
                    .col(timestamp_with_time_zone(CheckinCodes::ExpiresAt))
                    .foreign_key(&mut fk(
                        CheckinCodes::Table,
                        CheckinCodes::SlotId,
                        SessionSlots::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                CheckinCodes::Table,
                &["slot_id", "expires_at"],
                false,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CheckinCodes::Table.into_iden(),
            AttendanceMarks::Table.into_iden(),
            Enrolments::Table.into_iden(),
            SessionTrainers::Table.into_iden(),
            SessionSlots::Table.into_iden(),
            TrainingSessions::Table.into_iden(),
            ProgrammePlans::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum ProgrammePlans {
    Table,
    Id,
    Year,
    ModuleId,
    PlannedSessions,
}

#[derive(DeriveIden)]
pub enum TrainingSessions {
    Table,
    Id,
    ModuleId,
    Title,
    Mode,
    PlaceAddress,
    PlaceRoom,
    VisioUrl,
    Capacity,
    Status,
    CancelReason,
    ProgrammeYear,
    EnrolmentDeadline,
    MinAttendancePercent,
    RequiresQuizPassed,
    RequiresPostAssessment,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SessionSlots {
    Table,
    Id,
    SessionId,
    Day,
    HalfDay,
    StartsAt,
    EndsAt,
    ConfirmedAt,
    ConfirmedBy,
}

#[derive(DeriveIden)]
enum SessionTrainers {
    Table,
    SessionId,
    UserId,
}

#[derive(DeriveIden)]
pub enum Enrolments {
    Table,
    Id,
    SessionId,
    UserId,
    Status,
    EnrolledAt,
    ConfirmedAt,
    CancelledAt,
}

#[derive(DeriveIden)]
enum AttendanceMarks {
    Table,
    Id,
    SlotId,
    EnrolmentId,
    Status,
    Method,
    RecordedAt,
    RecordedBy,
    Note,
}

#[derive(DeriveIden)]
enum CheckinCodes {
    Table,
    Id,
    SlotId,
    CodeHash,
    CreatedAt,
    ExpiresAt,
}
