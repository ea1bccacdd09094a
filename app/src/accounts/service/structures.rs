//! Partner structures: the reviewed ones offered at sign-up, and the
//! coordinator's list, review and additions.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};

use crate::accounts::rules::{Sector, check_new_structure_name};
use crate::accounts::{NewStructureForm, StructureOption, StructureRow};
use crate::auth::CurrentUser;
use crate::db::entities::structures;
use crate::error::AppError;

/// The reviewed structures, by name.
pub async fn reviewed(db: &DatabaseConnection) -> Result<Vec<StructureOption>, AppError> {
    let rows = structures::Entity::find()
        .filter(structures::Column::Reviewed.eq(true))
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

/// Every structure, those waiting for review first.
pub async fn all(db: &DatabaseConnection) -> Result<Vec<StructureRow>, AppError> {
    let rows = structures::Entity::find()
        .order_by_asc(structures::Column::Reviewed)
        .order_by_asc(structures::Column::Name)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|s| StructureRow {
            id: s.id,
            name: s.name,
            sector: s.sector,
            city: s.city,
            reviewed: s.reviewed,
        })
        .collect())
}

pub async fn review(
    db: &DatabaseConnection,
    me: &CurrentUser,
    structure_id: i32,
) -> Result<(), AppError> {
    let structure = structures::Entity::find_by_id(structure_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
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
    let name =
        check_new_structure_name(&input.name).map_err(|e| AppError::invalid(e.to_string()))?;
    let sector = Sector::from_code(input.sector.trim())
        .ok_or_else(|| AppError::invalid("Choisissez le secteur de la structure dans la liste."))?;
    let city = Some(input.city.trim().to_owned()).filter(|c| !c.is_empty());
    let created = structures::ActiveModel {
        name: Set(name),
        sector: Set(sector.code().to_owned()),
        city: Set(city),
        reviewed: Set(true),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            AppError::Conflict("Une structure porte déjà ce nom.".to_owned())
        }
        _ => AppError::from(e),
    })?;
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
