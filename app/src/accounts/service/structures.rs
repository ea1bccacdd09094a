//! Partner structures: the reviewed ones offered at sign-up, and the
//! coordinator's list (a page at a time, searchable), review and additions. (Corrections and retirement are
//! `structure_edit.rs`, merging `structure_merge.rs`.)

use std::collections::HashMap;

use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::accounts::rules::check_structure;
use crate::accounts::{NewStructureForm, StructureList, StructureOption, StructureRow};
use crate::auth::CurrentUser;
use crate::db::entities::{structures, users};
use crate::error::AppError;

/// What a duplicate structure name gets, at creation and correction alike.
pub const NAME_TAKEN: &str = "Une structure porte déjà ce nom.";

/// A unique-name violation as [`NAME_TAKEN`]; other errors unchanged.
pub fn name_taken(e: sea_orm::DbErr) -> AppError {
    match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            AppError::Conflict(NAME_TAKEN.to_owned())
        }
        _ => AppError::from(e),
    }
}

/// The structure `id`, or « not found ».
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<structures::Model, AppError> {
    structures::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The structures offered at sign-up and in profiles (reviewed, not retired), by name.
pub async fn reviewed(db: &DatabaseConnection) -> Result<Vec<StructureOption>, AppError> {
    let rows = structures::Entity::find()
        .filter(structures::Column::Reviewed.eq(true))
        .filter(structures::Column::RetiredAt.is_null())
        .order_by_asc(structures::Column::Name)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|s| StructureOption {
            id: s.id,
            name: s.name,
        })
        .collect())
}

/// Structures per page of « Structures ».
pub const STRUCTURES_PER_PAGE: u64 = 50;
/// The longest search of « Structures » (a structure's name).
pub const SEARCH_MAX_CHARS: usize = 200;

/// One page of the structures whose name or city contains `search`, those
/// waiting for review first, then by name and id, after the structure
/// `after` (by keyset: its place is read back, so the address holds only its
/// id), each with its number of accounts.
pub async fn page(
    db: &DatabaseConnection,
    search: &str,
    after: Option<i32>,
) -> Result<StructureList, AppError> {
    let search = search.trim();
    if search.chars().count() > SEARCH_MAX_CHARS || !crate::text::is_single_line(search) {
        return Err(AppError::invalid(
            "La recherche doit tenir sur une ligne de 200 caractères au plus.",
        ));
    }
    let mut matching = Condition::all();
    if !search.is_empty() {
        let pattern = format!("%{}%", search.to_lowercase().replace(['%', '_'], ""));
        let lower =
            |c: structures::Column| Expr::expr(Func::lower(Expr::col((structures::Entity, c))));
        matching = matching.add(
            Condition::any()
                .add(lower(structures::Column::Name).like(pattern.clone()))
                .add(lower(structures::Column::City).like(pattern)),
        );
    }
    let total = structures::Entity::find()
        .filter(matching.clone())
        .count(db)
        .await?;
    let mut select = structures::Entity::find().filter(matching);
    if let Some(after) = after {
        let from = structures::Entity::find_by_id(after)
            .one(db)
            .await?
            .ok_or_else(|| {
                AppError::invalid("Cette page de la liste des structures n’existe pas.")
            })?;
        let key = |c: structures::Column| Expr::col((structures::Entity, c));
        select = select.filter(crate::db::keyset::after(vec![
            (key(structures::Column::Reviewed), from.reviewed.into()),
            (key(structures::Column::Name), from.name.into()),
            (key(structures::Column::Id), from.id.into()),
        ]));
    }
    let mut rows = select
        .order_by_asc(structures::Column::Reviewed)
        .order_by_asc(structures::Column::Name)
        .order_by_asc(structures::Column::Id)
        .limit(STRUCTURES_PER_PAGE + 1)
        .all(db)
        .await?;
    let more = rows.len() as u64 > STRUCTURES_PER_PAGE;
    rows.truncate(STRUCTURES_PER_PAGE as usize);
    let counts: HashMap<i32, i64> = users::Entity::find()
        .select_only()
        .column(users::Column::StructureId)
        .column_as(users::Column::Id.count(), "people")
        .filter(users::Column::StructureId.is_in(rows.iter().map(|s| s.id)))
        .group_by(users::Column::StructureId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let choices = structures::Entity::find()
        .select_only()
        .column(structures::Column::Id)
        .column(structures::Column::Name)
        .column(structures::Column::RetiredAt)
        .order_by_asc(structures::Column::Name)
        .into_tuple::<(i32, String, Option<chrono::DateTime<chrono::Utc>>)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, name, retired)| (id, name, retired.is_some()))
        .collect();
    Ok(StructureList {
        search: search.to_owned(),
        total,
        next: more.then(|| rows.last().map(|s| s.id)).flatten(),
        later_page: after.is_some(),
        rows: rows
            .into_iter()
            .map(|s| StructureRow {
                people: u64::try_from(counts.get(&s.id).copied().unwrap_or(0)).unwrap_or(0),
                id: s.id,
                name: s.name,
                sector: s.sector,
                city: s.city,
                reviewed: s.reviewed,
                retired: s.retired_at.is_some(),
            })
            .collect(),
        choices,
    })
}

pub async fn review(
    db: &DatabaseConnection,
    me: &CurrentUser,
    structure_id: i32,
) -> Result<(), AppError> {
    let structure = find(db, structure_id).await?;
    let mut active: structures::ActiveModel = structure.into();
    active.reviewed = Set(true);
    active.update(db).await?;
    crate::audit::record(
        db,
        Some(me.id),
        "structure_reviewed",
        Some(("structure", structure_id)),
        None,
    )
    .await?;
    Ok(())
}

pub async fn create(
    db: &DatabaseConnection,
    me: &CurrentUser,
    input: NewStructureForm,
) -> Result<(), AppError> {
    let details = check_structure(&input.name, &input.sector, &input.city)?;
    let created = structures::ActiveModel {
        name: Set(details.name),
        sector: Set(details.sector.code().to_owned()),
        city: Set(details.city),
        reviewed: Set(true),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(name_taken)?;
    crate::audit::record(
        db,
        Some(me.id),
        "structure_created",
        Some(("structure", created.id)),
        None,
    )
    .await?;
    Ok(())
}
