//! The history of each certificate: every issue of a certificate is a
//! revision, with what it certified (a snapshot of the holder's name, the
//! training and its dates, the hours attended) and the PDF that was sent.
//! The certificate row keeps its number and verification code forever; a
//! correction adds a revision and never rewrites an earlier one.
//!
//! The eligibility rule itself needs no new column: `training_sessions`
//! already holds `min_attendance_percent` (100 = every half-day),
//! `requires_quiz_passed` and `requires_post_assessment`.

use sea_orm_migration::{prelude::*, schema::*};

use crate::checks::{fk, index};
use crate::m20261122_000001_create_people::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CertificateRevisions::Table)
                    .col(pk_auto(CertificateRevisions::Id))
                    .col(integer(CertificateRevisions::CertificateId))
                    .col(
                        integer(CertificateRevisions::Revision)
                            .check(Expr::col(CertificateRevisions::Revision).gt(0)),
                    )
                    // SHA-256 of what the document certifies (issue date aside):
                    // issuing again with nothing changed adds no revision.
                    .col(string_len(CertificateRevisions::ContentHash, 64))
                    .col(string_len(CertificateRevisions::HolderName, 200))
                    .col(string_len(CertificateRevisions::TrainingTitle, 300))
                    .col(string_len(CertificateRevisions::TrainingDates, 300))
                    .col(
                        integer(CertificateRevisions::AttendedMinutes)
                            .check(Expr::col(CertificateRevisions::AttendedMinutes).gte(0)),
                    )
                    .col(integer_null(CertificateRevisions::IssuedBy))
                    .col(timestamp_with_time_zone(CertificateRevisions::IssuedAt))
                    .col(blob(CertificateRevisions::Pdf))
                    .foreign_key(&mut fk(
                        CertificateRevisions::Table,
                        CertificateRevisions::CertificateId,
                        Certificates::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        CertificateRevisions::Table,
                        CertificateRevisions::IssuedBy,
                        Users::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                CertificateRevisions::Table,
                &["certificate_id", "revision"],
                true,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CertificateRevisions::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum CertificateRevisions {
    Table,
    Id,
    CertificateId,
    Revision,
    ContentHash,
    HolderName,
    TrainingTitle,
    TrainingDates,
    AttendedMinutes,
    IssuedBy,
    IssuedAt,
    Pdf,
}

#[derive(DeriveIden)]
enum Certificates {
    Table,
}
