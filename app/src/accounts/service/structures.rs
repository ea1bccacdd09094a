//! Partner structures: the reviewed ones offered at sign-up, and the
//! coordinator's list, review and additions. (Corrections and retirement are
//! `structure_edit.rs`, merging `structure_merge.rs`.)

use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::accounts::rules::check_structure;
use crate::accounts::{NewStructureForm, StructureOption, StructureRow};
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

/// Every structure with its number of accounts, those waiting for review first.
pub async fn all(db: &DatabaseConnection) -> Result<Vec<StructureRow>, AppError> {
    let rows = structures::Entity::find()
        .order_by_asc(structures::Column::Reviewed)
        .order_by_asc(structures::Column::Name)
        .all(db)
        .await?;
    let counts: HashMap<i32, i64> = users::Entity::find()
        .select_only()
        .column(users::Column::StructureId)
        .column_as(users::Column::Id.count(), "people")
        .filter(users::Column::StructureId.is_not_null())
        .group_by(users::Column::StructureId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(rows
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
        .collect())
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
