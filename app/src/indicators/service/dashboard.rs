//! The whole dashboard for one selection, and the choices of its filters.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::{process, results, trend};
use crate::db::entities::{modules, programme_plans, session_trainers, training_sessions, users};
use crate::error::AppError;
use crate::indicators::rules::figures::partners_by_year;
use crate::indicators::types::{Dashboard, FilterOptions, Filters};

/// The years with sessions or a programme, the modules, and the people who taught.
pub async fn options(db: &DatabaseConnection, this_year: i32) -> Result<FilterOptions, AppError> {
    let mut years: Vec<i32> = training_sessions::Entity::find()
        .select_only()
        .column(training_sessions::Column::ProgrammeYear)
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    let planned: Vec<i32> = programme_plans::Entity::find()
        .select_only()
        .column(programme_plans::Column::Year)
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    years.extend(planned);
    years.push(this_year);
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let modules = modules::Entity::find()
        .order_by_asc(modules::Column::Position)
        .order_by_asc(modules::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.title))
        .collect();
    let teaching: Vec<i32> = session_trainers::Entity::find()
        .select_only()
        .column(session_trainers::Column::UserId)
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    let trainers = users::Entity::find()
        .filter(users::Column::Id.is_in(teaching))
        .order_by_asc(users::Column::DisplayName)
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    Ok(FilterOptions {
        years,
        modules,
        trainers,
    })
}

/// Every indicator of the selection (coordinator only: checked by the caller).
/// The queries do not depend on one another: they run at the same time, each
/// on its own connection of the pool, so the page waits for the longest
/// rather than for their sum. The selected year's crisis indicator and
/// satisfaction come from the trend's queries, which cover that year too.
pub async fn dashboard(
    db: &DatabaseConnection,
    filters: Filters,
    this_year: i32,
) -> Result<Dashboard, AppError> {
    let (
        (programme, modes),
        funnel,
        partner_years,
        options,
        cancel_reasons,
        skills,
        typology,
        history,
    ) = tokio::try_join!(
        process::sessions(db, &filters),
        process::funnel(db, &filters),
        process::partner_years(db, &filters),
        options(db, this_year),
        process::cancel_reasons(db, &filters),
        results::skills(db, &filters),
        process::typology_counts(db, &filters),
        trend::trend(db, &filters),
    )?;
    let partners = partners_by_year(&partner_years);
    let typology = process::typology_shares(typology, funnel.people_trained);
    let trend::History {
        rows,
        crisis,
        satisfaction,
    } = history;
    let trend = trend::with_partners(rows, &partners);
    Ok(Dashboard {
        options,
        programme,
        modes,
        cancel_reasons,
        typology,
        funnel,
        skills,
        crisis,
        satisfaction,
        partners: partners.get(&filters.year).cloned().unwrap_or_default(),
        trend,
        filters,
    })
}
