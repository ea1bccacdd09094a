//! Each enrolment's attendance in two numbers, kept by the database itself:
//! `attended_halfdays` (marks « présent » or « en retard ») and
//! `attended_minutes` (the durations of those half-days). The indicators
//! read them instead of aggregating a million attendance marks per query.
//!
//! Triggers keep them exact whatever writes the marks (roll call, check-in
//! code, apology, correction, a future path) on every server instance:
//! - a mark inserted, deleted or changed adds or removes its half-day, by
//!   increments, so two marks of one enrolment written at the same time by
//!   two transactions both count (the row lock orders them);
//! - a half-day whose times change moves the minutes of the people who
//!   attended it;
//! - a half-day deleted first deletes its marks, while its times are still
//!   there to subtract (the foreign key's cascade would come too late).
//!
//! The attended codes are `Attendance::attended_codes()` in the app.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const ATTENDED: &str = "('present', 'retard')";

fn minutes(backend: DbBackend, slot: &str) -> String {
    match backend {
        DbBackend::Postgres => {
            format!("CAST(EXTRACT(EPOCH FROM ({slot}.ends_at - {slot}.starts_at)) / 60 AS BIGINT)")
        }
        _ => format!(
            "CAST(ROUND((julianday({slot}.ends_at) - julianday({slot}.starts_at)) * 1440) AS INTEGER)"
        ),
    }
}

/// The minutes of the half-day `slot_id` (0 when it no longer exists).
fn slot_minutes(backend: DbBackend, slot_id: &str) -> String {
    format!(
        "COALESCE((SELECT {} FROM session_slots x WHERE x.id = {slot_id}), 0)",
        minutes(backend, "x")
    )
}

/// `UPDATE` adding (`sign` = "+") or removing ("-") one mark's half-day.
fn count_mark(backend: DbBackend, row: &str, sign: &str) -> String {
    format!(
        "UPDATE enrolments SET attended_halfdays = attended_halfdays {sign} 1, \
         attended_minutes = attended_minutes {sign} {} WHERE id = {row}.enrolment_id",
        slot_minutes(backend, &format!("{row}.slot_id"))
    )
}

fn backfill(backend: DbBackend) -> String {
    format!(
        "UPDATE enrolments SET \
         attended_halfdays = (SELECT COUNT(*) FROM attendance_marks m \
           WHERE m.enrolment_id = enrolments.id AND m.status IN {ATTENDED}), \
         attended_minutes = COALESCE((SELECT SUM({}) FROM attendance_marks m \
           JOIN session_slots sl ON sl.id = m.slot_id \
           WHERE m.enrolment_id = enrolments.id AND m.status IN {ATTENDED}), 0)",
        minutes(backend, "sl")
    )
}

fn sqlite_triggers() -> Vec<String> {
    let b = DbBackend::Sqlite;
    vec![
        format!(
            "CREATE TRIGGER attendance_summary_insert AFTER INSERT ON attendance_marks \
             WHEN NEW.status IN {ATTENDED} BEGIN {}; END",
            count_mark(b, "NEW", "+")
        ),
        format!(
            "CREATE TRIGGER attendance_summary_delete AFTER DELETE ON attendance_marks \
             WHEN OLD.status IN {ATTENDED} BEGIN {}; END",
            count_mark(b, "OLD", "-")
        ),
        format!(
            "CREATE TRIGGER attendance_summary_update \
             AFTER UPDATE OF status, slot_id, enrolment_id ON attendance_marks BEGIN \
             {} AND OLD.status IN {ATTENDED}; {} AND NEW.status IN {ATTENDED}; END",
            count_mark(b, "OLD", "-"),
            count_mark(b, "NEW", "+")
        ),
        format!(
            "CREATE TRIGGER attendance_summary_slot_times \
             AFTER UPDATE OF starts_at, ends_at ON session_slots BEGIN \
             UPDATE enrolments SET attended_minutes = attended_minutes + ({}) - ({}) \
             WHERE id IN (SELECT enrolment_id FROM attendance_marks \
             WHERE slot_id = NEW.id AND status IN {ATTENDED}); END",
            minutes(b, "NEW"),
            minutes(b, "OLD")
        ),
        "CREATE TRIGGER attendance_summary_slot_delete BEFORE DELETE ON session_slots BEGIN \
         DELETE FROM attendance_marks WHERE slot_id = OLD.id; END"
            .to_owned(),
    ]
}

fn postgres_triggers() -> Vec<String> {
    let b = DbBackend::Postgres;
    vec![
        format!(
            "CREATE FUNCTION attendance_summary_mark() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN \
             IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN {ATTENDED} THEN {}; END IF; \
             IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status IN {ATTENDED} THEN {}; END IF; \
             RETURN NULL; END $$",
            count_mark(b, "OLD", "-"),
            count_mark(b, "NEW", "+")
        ),
        "CREATE TRIGGER attendance_summary_mark \
         AFTER INSERT OR DELETE OR UPDATE OF status, slot_id, enrolment_id ON attendance_marks \
         FOR EACH ROW EXECUTE FUNCTION attendance_summary_mark()"
            .to_owned(),
        format!(
            "CREATE FUNCTION attendance_summary_slot_times() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN \
             UPDATE enrolments SET attended_minutes = attended_minutes + ({}) - ({}) \
             WHERE id IN (SELECT enrolment_id FROM attendance_marks \
             WHERE slot_id = NEW.id AND status IN {ATTENDED}); \
             RETURN NULL; END $$",
            minutes(b, "NEW"),
            minutes(b, "OLD")
        ),
        "CREATE TRIGGER attendance_summary_slot_times \
         AFTER UPDATE OF starts_at, ends_at ON session_slots \
         FOR EACH ROW EXECUTE FUNCTION attendance_summary_slot_times()"
            .to_owned(),
        "CREATE FUNCTION attendance_summary_slot_delete() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN DELETE FROM attendance_marks WHERE slot_id = OLD.id; RETURN OLD; END $$"
            .to_owned(),
        "CREATE TRIGGER attendance_summary_slot_delete BEFORE DELETE ON session_slots \
         FOR EACH ROW EXECUTE FUNCTION attendance_summary_slot_delete()"
            .to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        for column in ["attended_halfdays", "attended_minutes"] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new("enrolments"))
                        .add_column(
                            ColumnDef::new(Alias::new(column))
                                .integer()
                                .not_null()
                                .default(0),
                        )
                        .to_owned(),
                )
                .await?;
        }
        let db = manager.get_connection();
        db.execute_unprepared(&backfill(backend)).await?;
        let triggers = match backend {
            DbBackend::Postgres => postgres_triggers(),
            _ => sqlite_triggers(),
        };
        for statement in triggers {
            db.execute_unprepared(&statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let drops: &[&str] = match manager.get_database_backend() {
            DbBackend::Postgres => &[
                "DROP TRIGGER attendance_summary_mark ON attendance_marks",
                "DROP TRIGGER attendance_summary_slot_times ON session_slots",
                "DROP TRIGGER attendance_summary_slot_delete ON session_slots",
                "DROP FUNCTION attendance_summary_mark()",
                "DROP FUNCTION attendance_summary_slot_times()",
                "DROP FUNCTION attendance_summary_slot_delete()",
            ],
            _ => &[
                "DROP TRIGGER attendance_summary_insert",
                "DROP TRIGGER attendance_summary_delete",
                "DROP TRIGGER attendance_summary_update",
                "DROP TRIGGER attendance_summary_slot_times",
                "DROP TRIGGER attendance_summary_slot_delete",
            ],
        };
        for statement in drops {
            db.execute_unprepared(statement).await?;
        }
        for column in ["attended_halfdays", "attended_minutes"] {
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
