//! Process indicators of one year: sessions against the programme, per mode,
//! cancellation reasons, the attendance funnel, the typology of the people
//! trained and the years in which partner structures had someone trained.

use std::collections::BTreeMap;

use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
};

use super::scope::{self, Sql, Years};
use crate::accounts::rules::Sector;
use crate::db::entities::{modules, programme_plans};
use crate::error::AppError;
use crate::indicators::rules::figures::typology;
use crate::indicators::types::{CountRow, Filters, Funnel, ModeRow, ProgrammeRow, Typology};
use crate::sessions::rules::{Mode, Status};

#[derive(Debug, FromQueryResult)]
struct SessionCount {
    module_id: i32,
    mode: String,
    status: String,
    n: i64,
}

#[derive(Debug, FromQueryResult)]
struct Labelled {
    label: Option<String>,
    n: i64,
}

pub(super) async fn all<T: FromQueryResult>(
    db: &DatabaseConnection,
    sql: &Sql,
) -> Result<Vec<T>, AppError> {
    Ok(
        T::find_by_statement(sql.statement(db.get_database_backend()))
            .all(db)
            .await?,
    )
}

fn scoped(filters: &Filters) -> Sql {
    scope::scoped(filters, Years::One(filters.year))
}

#[derive(Default, Clone, Copy)]
struct Counts {
    held: i64,
    scheduled: i64,
    cancelled: i64,
}

impl Counts {
    fn add(&mut self, status: &str, n: i64) {
        match Status::from_code(status) {
            Some(Status::Held) => self.held += n,
            Some(Status::Cancelled) => self.cancelled += n,
            Some(_) => self.scheduled += n,
            None => {}
        }
    }
}

/// Sessions per module against the programme, and per mode.
pub async fn sessions(
    db: &DatabaseConnection,
    filters: &Filters,
) -> Result<(Vec<ProgrammeRow>, Vec<ModeRow>), AppError> {
    let mut sql = scoped(filters);
    sql.push(
        " SELECT module_id, mode, status, COUNT(*) AS n FROM sel GROUP BY module_id, mode, status",
    );
    let rows: Vec<SessionCount> = all(db, &sql).await?;
    let mut per_module: BTreeMap<i32, Counts> = BTreeMap::new();
    let mut per_mode: BTreeMap<String, Counts> = BTreeMap::new();
    for r in &rows {
        per_module
            .entry(r.module_id)
            .or_default()
            .add(&r.status, r.n);
        per_mode
            .entry(r.mode.clone())
            .or_default()
            .add(&r.status, r.n);
    }
    let comparable = filters.mode.is_none() && filters.trainer_id.is_none();
    let mut plans =
        programme_plans::Entity::find().filter(programme_plans::Column::Year.eq(filters.year));
    if let Some(module) = filters.module_id {
        plans = plans.filter(programme_plans::Column::ModuleId.eq(module));
    }
    let plans: BTreeMap<i32, i64> = plans
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.module_id, i64::from(p.planned_sessions)))
        .collect();
    let programme = modules::Entity::find()
        .order_by_asc(modules::Column::Position)
        .order_by_asc(modules::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter(|m| per_module.contains_key(&m.id) || plans.contains_key(&m.id))
        .map(|m| {
            let c = per_module.get(&m.id).copied().unwrap_or_default();
            ProgrammeRow {
                module: m.title,
                planned: comparable.then(|| plans.get(&m.id).copied().unwrap_or(0)),
                held: c.held,
                scheduled: c.scheduled,
                cancelled: c.cancelled,
            }
        })
        .collect();
    let modes = Mode::ALL
        .into_iter()
        .filter_map(|mode| {
            let c = per_mode.get(mode.code())?;
            Some(ModeRow {
                mode: mode.label().to_owned(),
                held: c.held,
                scheduled: c.scheduled,
                cancelled: c.cancelled,
            })
        })
        .collect();
    Ok((programme, modes))
}

/// Cancelled sessions per reason.
pub async fn cancel_reasons(
    db: &DatabaseConnection,
    filters: &Filters,
) -> Result<Vec<CountRow>, AppError> {
    let mut sql = scoped(filters);
    sql.bind(
        " SELECT s.cancel_reason AS label, COUNT(*) AS n FROM training_sessions s \
         JOIN sel ON sel.id = s.id WHERE sel.status = ? GROUP BY s.cancel_reason",
        Status::Cancelled.code(),
    );
    let rows: Vec<Labelled> = all(db, &sql).await?;
    let total = rows.iter().map(|r| r.n).sum();
    Ok(typology(
        rows.into_iter()
            .map(|r| (r.label.unwrap_or_default(), r.n))
            .collect(),
        total,
    ))
}

#[derive(Debug, FromQueryResult)]
struct FunnelRow {
    enrolled: i64,
    attended_one: Option<i64>,
    attended_all: Option<i64>,
    people: i64,
    minutes: Option<i64>,
}

/// `SELECT` of the funnel over `part` with each session's half-days as `total`.
const FUNNEL_COLUMNS: &str = "COUNT(*) AS enrolled, \
     CAST(SUM(CASE WHEN attended > 0 THEN 1 ELSE 0 END) AS BIGINT) AS attended_one, \
     CAST(SUM(CASE WHEN attended > 0 AND attended >= total THEN 1 ELSE 0 END) AS BIGINT) AS attended_all, \
     COUNT(DISTINCT CASE WHEN attended > 0 THEN user_id END) AS people, \
     CAST(SUM(minutes) AS BIGINT) AS minutes";

pub async fn funnel(db: &DatabaseConnection, filters: &Filters) -> Result<Funnel, AppError> {
    let mut sql = scoped(filters);
    sql.push(&format!(
        " SELECT {FUNNEL_COLUMNS} FROM (SELECT part.*, {} AS total FROM part) part",
        scope::HALF_DAYS
    ));
    let rows: Vec<FunnelRow> = all(db, &sql).await?;
    Ok(rows
        .into_iter()
        .next()
        .map(|r| Funnel {
            enrolled: r.enrolled,
            attended_one: r.attended_one.unwrap_or(0),
            attended_all: r.attended_all.unwrap_or(0),
            people_trained: r.people,
            trainee_minutes: r.minutes.unwrap_or(0),
        })
        .unwrap_or_default())
}

/// People trained (different people, at least one half-day) per sector,
/// profession, structure, as they were when they enrolled (the snapshot in
/// `part`), never today's; [`typology_shares`] adds each line's share.
pub async fn typology_counts(
    db: &DatabaseConnection,
    filters: &Filters,
) -> Result<TypologyCounts, AppError> {
    let by = |column: &str| {
        let mut sql = scoped(filters);
        sql.push(&format!(
            " SELECT {column} AS label, COUNT(DISTINCT part.user_id) AS n FROM part \
             LEFT JOIN structures st ON st.id = part.structure_id \
             WHERE part.attended > 0 GROUP BY {column}"
        ));
        sql
    };
    let (sector_sql, profession_sql, structure_sql) =
        (by("part.sector"), by("part.profession"), by("st.name"));
    let (sectors, professions, structures): (Vec<Labelled>, Vec<Labelled>, Vec<Labelled>) = tokio::try_join!(
        all(db, &sector_sql),
        all(db, &profession_sql),
        all(db, &structure_sql),
    )?;
    let pairs = |rows: Vec<Labelled>| -> Vec<(String, i64)> {
        rows.into_iter()
            .map(|r| (r.label.unwrap_or_default(), r.n))
            .collect()
    };
    let sector_label =
        |code: String| Sector::from_code(&code).map_or(code, |s| s.label().to_owned());
    Ok(TypologyCounts {
        sectors: pairs(sectors)
            .into_iter()
            .map(|(code, n)| (sector_label(code), n))
            .collect(),
        professions: pairs(professions),
        structures: pairs(structures),
    })
}

/// How many people per label, before their shares.
#[derive(Debug, Default)]
pub struct TypologyCounts {
    sectors: Vec<(String, i64)>,
    professions: Vec<(String, i64)>,
    structures: Vec<(String, i64)>,
}

/// The typology, each line with its share of the `people_trained`.
pub fn typology_shares(counts: TypologyCounts, people_trained: i64) -> Typology {
    Typology {
        sectors: typology(counts.sectors, people_trained),
        professions: typology(counts.professions, people_trained),
        structures: typology(counts.structures, people_trained),
    }
}

#[derive(Debug, FromQueryResult)]
struct PartnerYear {
    sid: i32,
    year: i32,
}

/// The `(structure, year)` pairs, up to the selected year and with the same
/// filters, in which the structure had someone trained (a few thousand rows
/// at most: structures × years). `figures::partners_by_year` reads them.
pub async fn partner_years(
    db: &DatabaseConnection,
    filters: &Filters,
) -> Result<Vec<(i32, i32)>, AppError> {
    let mut sql = scope::scoped(filters, Years::UpTo(filters.year));
    sql.push(
        " SELECT DISTINCT part.structure_id AS sid, part.year FROM part \
         WHERE part.attended > 0 AND part.structure_id IS NOT NULL",
    );
    Ok(all::<PartnerYear>(db, &sql)
        .await?
        .into_iter()
        .map(|p| (p.sid, p.year))
        .collect())
}
