//! Partner structures (with their sector typology) and the people who use Relais.

use sea_orm_migration::{prelude::*, schema::*};

use crate::checks::{fk, index, one_of};

/// The sector typology of the CLSM (DOMAIN.md), shared by structures and learners.
pub const SECTORS: &[&str] = &[
    "soin",
    "soutien_ecoute",
    "action_sociale",
    "protection_personnes",
    "formation_emploi",
    "institutions_collectivites",
    "logement_hebergement",
    "police_securite",
    "culture_loisirs",
    "education_jeunesse",
    "autre",
];

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Structures::Table)
                    .col(pk_auto(Structures::Id))
                    .col(string_len(Structures::Name, 200))
                    .col(
                        string_len(Structures::Sector, 40)
                            .check(one_of(Structures::Sector, SECTORS)),
                    )
                    .col(string_len_null(Structures::City, 120))
                    // A structure typed in by a learner waits for the coordinator's review.
                    .col(boolean(Structures::Reviewed).default(true))
                    .col(timestamp_with_time_zone(Structures::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(Structures::Table, &["name"], true))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(pk_auto(Users::Id))
                    // Stored lower-cased; NULL once the account is erased (anonymised).
                    .col(string_len_null(Users::Email, 254))
                    .col(string_len(Users::DisplayName, 120))
                    .col(string_len_null(Users::PasswordHash, 200))
                    .col(
                        string_len(Users::Role, 20)
                            .default("learner")
                            .check(one_of(Users::Role, &["learner", "trainer", "coordinator"])),
                    )
                    .col(string_len_null(Users::Profession, 120))
                    .col(
                        string_len_null(Users::Sector, 40).check(
                            Expr::col(Users::Sector)
                                .is_null()
                                .or(one_of(Users::Sector, SECTORS)),
                        ),
                    )
                    .col(integer_null(Users::StructureId))
                    .col(boolean(Users::Active).default(true))
                    .col(timestamp_with_time_zone_null(Users::ErasureRequestedAt))
                    .col(timestamp_with_time_zone_null(Users::ErasedAt))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .foreign_key(&mut fk(
                        Users::Table,
                        Users::StructureId,
                        Structures::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(Users::Table, &["email"], true))
            .await?;
        manager
            .create_index(index(Users::Table, &["structure_id"], false))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Users::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Structures::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum Structures {
    Table,
    Id,
    Name,
    Sector,
    City,
    Reviewed,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum Users {
    Table,
    Id,
    Email,
    DisplayName,
    PasswordHash,
    Role,
    Profession,
    Sector,
    StructureId,
    Active,
    ErasureRequestedAt,
    ErasedAt,
    CreatedAt,
    UpdatedAt,
}
