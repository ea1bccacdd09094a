//! The sessions an indicator counts (`sel`: programme year or years,
//! module, mode, trainer) and the participations in them (`part`), as SQL
//! common table expressions shared by every query; and the few expressions
//! that differ between SQLite and PostgreSQL.

use sea_orm::{DbBackend, Statement, Value};

use crate::indicators::types::Filters;
use crate::sessions::rules::{Attendance, EnrolmentStatus, Status};

/// Which programme years a query covers.
#[derive(Debug, Clone, Copy)]
pub enum Years {
    One(i32),
    UpTo(i32),
}

/// SQL text with `?` placeholders and its values, built piece by piece.
#[derive(Debug, Default)]
pub struct Sql {
    text: String,
    values: Vec<Value>,
}

impl Sql {
    pub fn push(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    pub fn bind(&mut self, text: &str, value: impl Into<Value>) -> &mut Self {
        self.text.push_str(text);
        self.values.push(value.into());
        self
    }

    /// The statement for `backend`: PostgreSQL numbers its placeholders.
    pub fn statement(&self, backend: DbBackend) -> Statement {
        let text = if backend == DbBackend::Postgres {
            let mut n = 0;
            let mut out = String::with_capacity(self.text.len() + 16);
            for c in self.text.chars() {
                if c == '?' {
                    n += 1;
                    out.push_str(&format!("${n}"));
                } else {
                    out.push(c);
                }
            }
            out
        } else {
            self.text.clone()
        };
        Statement::from_sql_and_values(backend, text, self.values.clone())
    }
}

/// Minutes between two timestamp columns.
pub fn minutes(backend: DbBackend, from: &str, to: &str) -> String {
    match backend {
        DbBackend::Postgres => {
            format!("CAST(EXTRACT(EPOCH FROM ({to} - {from})) / 60 AS BIGINT)")
        }
        _ => format!("CAST(ROUND((julianday({to}) - julianday({from})) * 1440) AS INTEGER)"),
    }
}

/// A query starting with the scope of `years` for `filters`.
pub fn scoped(backend: DbBackend, filters: &Filters, years: Years) -> Sql {
    let mut sql = Sql::default();
    with_scope(&mut sql, backend, filters, years);
    sql
}

/// `WITH sel AS (…), slots AS (…), att AS (…), part AS (…)`:
/// - `sel`: the selected sessions (id, module_id, mode, status, programme_year);
/// - `slots`: their half-days with their minutes;
/// - `part`: confirmed enrolments in selected sessions that were not cancelled,
///   with the half-days attended (present or late), their minutes, and the
///   session's number of half-days.
pub fn with_scope(sql: &mut Sql, backend: DbBackend, filters: &Filters, years: Years) {
    sql.push(
        "WITH sel AS (SELECT s.id, s.module_id, s.mode, s.status, s.programme_year \
         FROM training_sessions s WHERE ",
    );
    match years {
        Years::One(y) => sql.bind("s.programme_year = ?", y),
        Years::UpTo(y) => sql.bind("s.programme_year <= ?", y),
    };
    if let Some(module) = filters.module_id {
        sql.bind(" AND s.module_id = ?", module);
    }
    if let Some(mode) = &filters.mode {
        sql.bind(" AND s.mode = ?", mode.clone());
    }
    if let Some(trainer) = filters.trainer_id {
        sql.bind(
            " AND EXISTS (SELECT 1 FROM session_trainers t WHERE t.session_id = s.id AND t.user_id = ?)",
            trainer,
        );
    }
    sql.push(&format!(
        "), slots AS (SELECT sl.id, sl.session_id, {} AS minutes \
         FROM session_slots sl JOIN sel ON sel.id = sl.session_id)",
        minutes(backend, "sl.starts_at", "sl.ends_at")
    ));
    sql.push(
        ", per_session AS (SELECT session_id, COUNT(*) AS n FROM slots GROUP BY session_id)\
         , att AS (SELECT m.enrolment_id, COUNT(*) AS attended, SUM(slots.minutes) AS minutes \
         FROM attendance_marks m JOIN slots ON slots.id = m.slot_id WHERE m.status IN (",
    );
    sql.bind("?", Attendance::Present.code())
        .bind(", ?", Attendance::Late.code());
    sql.push(
        ") GROUP BY m.enrolment_id)\
         , part AS (SELECT e.id, e.user_id, e.session_id, sel.programme_year AS year, \
         COALESCE(att.attended, 0) AS attended, COALESCE(att.minutes, 0) AS minutes, \
         COALESCE(per_session.n, 0) AS total \
         FROM enrolments e JOIN sel ON sel.id = e.session_id \
         LEFT JOIN att ON att.enrolment_id = e.id \
         LEFT JOIN per_session ON per_session.session_id = e.session_id \
         WHERE ",
    );
    sql.bind("e.status = ?", EnrolmentStatus::Confirmed.code())
        .bind(" AND sel.status <> ?)", Status::Cancelled.code());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_placeholders_are_numbered() {
        let mut sql = Sql::default();
        sql.bind("a = ?", 1).bind(" AND b = ?", 2);
        assert_eq!(sql.statement(DbBackend::Postgres).sql, "a = $1 AND b = $2");
        assert_eq!(sql.statement(DbBackend::Sqlite).sql, "a = ? AND b = ?");
    }

    #[test]
    fn filters_add_their_conditions_only_when_set() {
        let mut plain = Sql::default();
        with_scope(
            &mut plain,
            DbBackend::Sqlite,
            &Filters::default(),
            Years::One(2026),
        );
        assert!(!plain.text.contains("s.module_id = ?"));
        let mut filtered = Sql::default();
        let f = Filters {
            year: 2026,
            module_id: Some(1),
            mode: Some("distanciel".into()),
            trainer_id: Some(3),
        };
        with_scope(&mut filtered, DbBackend::Sqlite, &f, Years::One(2026));
        assert!(filtered.text.contains("s.module_id = ?"));
        assert!(filtered.text.contains("t.user_id = ?"));
        assert_eq!(filtered.values.len(), plain.values.len() + 3);
    }
}
