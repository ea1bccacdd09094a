//! The headline figures year by year, up to the selected year, with the
//! same module, mode and trainer filters: each figure is one grouped query.

use std::collections::BTreeMap;

use sea_orm::{DatabaseConnection, FromQueryResult};

use super::process::all;
use super::results::CRISIS_CTE;
use super::scope::{self, Sql, Years};
use crate::assessment::rules::Phase;
use crate::error::AppError;
use crate::indicators::types::{Filters, YearRow};
use crate::sessions::rules::Status;

#[derive(Debug, FromQueryResult)]
struct Count {
    year: i32,
    n: Option<i64>,
}

#[derive(Debug, FromQueryResult)]
struct Trained {
    year: i32,
    people: i64,
    minutes: Option<i64>,
}

#[derive(Debug, FromQueryResult)]
struct Mean {
    year: i32,
    m: Option<f64>,
}

fn scoped(db: &DatabaseConnection, filters: &Filters) -> Sql {
    scope::scoped(
        db.get_database_backend(),
        filters,
        Years::UpTo(filters.year),
    )
}

fn row(years: &mut BTreeMap<i32, YearRow>, year: i32) -> &mut YearRow {
    years.entry(year).or_insert_with(|| YearRow {
        year,
        ..Default::default()
    })
}

pub async fn trend(db: &DatabaseConnection, filters: &Filters) -> Result<Vec<YearRow>, AppError> {
    let mut years: BTreeMap<i32, YearRow> = BTreeMap::new();

    let mut sql = scoped(db, filters);
    sql.bind(
        " SELECT programme_year AS year, COUNT(*) AS n FROM sel WHERE status = ? GROUP BY programme_year",
        Status::Held.code(),
    );
    for c in all::<Count>(db, &sql).await? {
        row(&mut years, c.year).held = c.n.unwrap_or(0);
    }

    let mut sql = scoped(db, filters);
    sql.push(
        " SELECT year, COUNT(DISTINCT CASE WHEN attended > 0 THEN user_id END) AS people, \
         CAST(SUM(minutes) AS BIGINT) AS minutes FROM part GROUP BY year",
    );
    for t in all::<Trained>(db, &sql).await? {
        let r = row(&mut years, t.year);
        r.people_trained = t.people;
        r.trainee_minutes = t.minutes.unwrap_or(0);
    }

    let mut sql = scoped(db, filters);
    sql.push(
        ", resp AS (SELECT r.id, r.enrolment_id, r.phase FROM questionnaire_responses r \
         JOIN part ON part.id = r.enrolment_id)",
    );
    sql.bind(CRISIS_CTE, true);
    sql.push(
        " SELECT part.year, CAST(SUM(CASE WHEN crisis.v >= 4 THEN 1 ELSE 0 END) AS BIGINT) AS n \
         FROM crisis JOIN part ON part.id = crisis.enrolment_id WHERE ",
    );
    sql.bind("crisis.phase = ? GROUP BY part.year", Phase::After.code());
    for c in all::<Count>(db, &sql).await? {
        row(&mut years, c.year).crisis_capable = c.n.unwrap_or(0);
    }

    let mut sql = scoped(db, filters);
    sql.push(
        " SELECT part.year, CAST(AVG(a.value_int) AS DOUBLE PRECISION) AS m \
         FROM questionnaire_answers a \
         JOIN questionnaire_responses r ON r.id = a.response_id \
         JOIN part ON part.id = r.enrolment_id \
         JOIN questionnaire_items i ON i.id = a.item_id \
         WHERE i.item_type = 'likert' AND i.objective_id IS NULL AND ",
    );
    sql.bind("r.phase = ? GROUP BY part.year", Phase::Hot.code());
    for m in all::<Mean>(db, &sql).await? {
        row(&mut years, m.year).overall_mean = m.m;
    }
    Ok(years.into_values().collect())
}
