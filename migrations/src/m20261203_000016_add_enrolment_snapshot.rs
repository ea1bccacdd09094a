//! Each enrolment keeps the person's typology as it was when they enrolled:
//! `snapshot_sector` (their own sector, else their structure's),
//! `snapshot_profession` and `snapshot_structure_id`. The indicators count
//! people by these, so that a person who later changes job or structure
//! still counts where they were when they trained.
//!
//! The application writes them whenever an enrolment is made or confirmed
//! (`sessions/service/enrol.rs`); this migration fills them for the
//! enrolments that exist, from the people's current values (the best that is
//! known of the past).

use sea_orm_migration::prelude::*;

use crate::m20261122_000001_create_people::SECTORS;

#[derive(DeriveMigrationName)]
pub struct Migration;

const BACKFILL: &str = "UPDATE enrolments SET \
     snapshot_sector = (SELECT COALESCE(u.sector, st.sector) FROM users u \
       LEFT JOIN structures st ON st.id = u.structure_id WHERE u.id = enrolments.user_id), \
     snapshot_profession = (SELECT u.profession FROM users u WHERE u.id = enrolments.user_id), \
     snapshot_structure_id = (SELECT u.structure_id FROM users u WHERE u.id = enrolments.user_id)";

fn columns() -> Vec<String> {
    let sectors = SECTORS
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ");
    vec![
        format!(
            "ALTER TABLE enrolments ADD COLUMN snapshot_sector VARCHAR(40) NULL \
             CHECK (snapshot_sector IS NULL OR snapshot_sector IN ({sectors}))"
        ),
        "ALTER TABLE enrolments ADD COLUMN snapshot_profession VARCHAR(120) NULL".to_owned(),
        // A structure deleted (or merged away) leaves the enrolment without one.
        "ALTER TABLE enrolments ADD COLUMN snapshot_structure_id INTEGER NULL \
         REFERENCES structures (id) ON DELETE SET NULL ON UPDATE CASCADE"
            .to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for statement in columns() {
            db.execute_unprepared(&statement).await?;
        }
        db.execute_unprepared(BACKFILL).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            "snapshot_structure_id",
            "snapshot_profession",
            "snapshot_sector",
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new("enrolments"))
                        .drop_column(Alias::new(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
