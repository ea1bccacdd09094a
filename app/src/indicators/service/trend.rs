//! The headline figures year by year, up to the selected year, with the
//! same module, mode and trainer filters: each figure is one grouped query.
//! The selected year is one of those years, so its crisis indicator and
//! satisfaction come from the same queries rather than from their own.

use std::collections::BTreeMap;

use sea_orm::{DatabaseConnection, FromQueryResult};

use super::process::all;
use super::results;
use super::scope::{self, Sql, Years};
use crate::error::AppError;
use crate::indicators::types::{Crisis, Filters, Partners, Satisfaction, YearRow};
use crate::sessions::rules::Status;

#[derive(Debug, FromQueryResult)]
struct Count {
    year: i32,
    n: Option<i64>,
}

#[derive(Debug, FromQueryResult)]
struct Trained {
    year: i32,
    /// Participations with at least one half-day attended.
    participations: Option<i64>,
    people: i64,
    minutes: Option<i64>,
}

/// The trend, and the selected year's figures read with it.
#[derive(Debug, Default)]
pub struct History {
    pub rows: Vec<YearRow>,
    pub crisis: Crisis,
    pub satisfaction: Satisfaction,
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

/// The trend up to the selected year, but for the partner structures
/// ([`with_partners`]).
pub async fn trend(db: &DatabaseConnection, filters: &Filters) -> Result<History, AppError> {
    let mut held = scoped(filters);
    held.bind(
        " SELECT programme_year AS year, COUNT(*) AS n FROM sel WHERE status = ? GROUP BY programme_year",
        Status::Held.code(),
    );
    let mut trained = scoped(filters);
    trained.push(
        " SELECT year, CAST(SUM(CASE WHEN attended > 0 THEN 1 ELSE 0 END) AS BIGINT) AS participations, \
         COUNT(DISTINCT CASE WHEN attended > 0 THEN user_id END) AS people, \
         CAST(SUM(minutes) AS BIGINT) AS minutes FROM part GROUP BY year",
    );
    let up_to = Years::UpTo(filters.year);
    // Independent queries: at the same time, each on its own connection.
    let (held, trained, mut crisis, mut satisfaction) = tokio::try_join!(
        all::<Count>(db, &held),
        all::<Trained>(db, &trained),
        results::crisis_by_year(db, filters, up_to),
        results::satisfaction_by_year(db, filters, up_to),
    )?;

    let mut years: BTreeMap<i32, YearRow> = BTreeMap::new();
    for c in held {
        row(&mut years, c.year).held = c.n.unwrap_or(0);
    }
    for t in &trained {
        let r = row(&mut years, t.year);
        r.people_trained = t.people;
        r.trainee_minutes = t.minutes.unwrap_or(0);
    }
    for (year, c) in &crisis {
        row(&mut years, *year).crisis_capable = c.capable;
    }
    for (year, s) in &satisfaction {
        let r = row(&mut years, *year);
        r.overall_mean = s.overall_mean;
        r.recommend_rate = s.recommend_rate;
        r.used_rate = s.used_rate;
    }
    let mut year_crisis = crisis.remove(&filters.year).unwrap_or_default();
    year_crisis.trained = trained
        .iter()
        .find(|t| t.year == filters.year)
        .and_then(|t| t.participations)
        .unwrap_or(0);
    Ok(History {
        rows: years.into_values().collect(),
        crisis: year_crisis,
        satisfaction: satisfaction.remove(&filters.year).unwrap_or_default(),
    })
}

/// The trend's rows with the partner structures of each year (from
/// `figures::partners_by_year`, which the dashboard also reads).
pub fn with_partners(rows: Vec<YearRow>, partners: &BTreeMap<i32, Partners>) -> Vec<YearRow> {
    let mut years: BTreeMap<i32, YearRow> = rows.into_iter().map(|r| (r.year, r)).collect();
    for (year, p) in partners {
        let r = row(&mut years, *year);
        r.structures = p.structures;
        r.new_structures = p.new_structures;
    }
    years.into_values().collect()
}
