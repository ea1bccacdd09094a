//! The headline figures year by year, up to the selected year, with the
//! same module, mode and trainer filters: each figure is one grouped query.

use std::collections::BTreeMap;

use sea_orm::{DatabaseConnection, FromQueryResult};

use super::process::all;
use super::results::{self, CRISIS_CTE};
use super::scope::{self, Sql, Years};
use crate::assessment::rules::Phase;
use crate::error::AppError;
use crate::indicators::types::{Filters, Partners, YearRow};
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

fn scoped(filters: &Filters) -> Sql {
    scope::scoped(filters, Years::UpTo(filters.year))
}

fn row(years: &mut BTreeMap<i32, YearRow>, year: i32) -> &mut YearRow {
    years.entry(year).or_insert_with(|| YearRow {
        year,
        ..Default::default()
    })
}

/// The trend up to the selected year; `partners` per year come from
/// `figures::partners_by_year`, which the dashboard also reads.
pub async fn trend(
    db: &DatabaseConnection,
    filters: &Filters,
    partners: &BTreeMap<i32, Partners>,
) -> Result<Vec<YearRow>, AppError> {
    let mut held = scoped(filters);
    held.bind(
        " SELECT programme_year AS year, COUNT(*) AS n FROM sel WHERE status = ? GROUP BY programme_year",
        Status::Held.code(),
    );
    let mut trained = scoped(filters);
    trained.push(
        " SELECT year, COUNT(DISTINCT CASE WHEN attended > 0 THEN user_id END) AS people, \
         CAST(SUM(minutes) AS BIGINT) AS minutes FROM part GROUP BY year",
    );
    let mut crisis = scoped(filters);
    crisis.push(&scope::responses());
    crisis.bind(CRISIS_CTE, true);
    crisis.push(
        " SELECT year, CAST(SUM(CASE WHEN v >= 4 THEN 1 ELSE 0 END) AS BIGINT) AS n \
         FROM crisis WHERE ",
    );
    crisis.bind("phase = ? GROUP BY year", Phase::After.code());
    // Independent queries: at the same time, each on its own connection.
    let (held, trained, crisis, satisfaction) = tokio::try_join!(
        all::<Count>(db, &held),
        all::<Trained>(db, &trained),
        all::<Count>(db, &crisis),
        results::satisfaction_by_year(db, filters, Years::UpTo(filters.year)),
    )?;

    let mut years: BTreeMap<i32, YearRow> = BTreeMap::new();
    for c in held {
        row(&mut years, c.year).held = c.n.unwrap_or(0);
    }
    for t in trained {
        let r = row(&mut years, t.year);
        r.people_trained = t.people;
        r.trainee_minutes = t.minutes.unwrap_or(0);
    }
    for c in crisis {
        row(&mut years, c.year).crisis_capable = c.n.unwrap_or(0);
    }
    for (year, s) in satisfaction {
        let r = row(&mut years, year);
        r.overall_mean = s.overall_mean;
        r.recommend_rate = s.recommend_rate;
        r.used_rate = s.used_rate;
    }
    for (year, p) in partners {
        let r = row(&mut years, *year);
        r.structures = p.structures;
        r.new_structures = p.new_structures;
    }
    Ok(years.into_values().collect())
}
