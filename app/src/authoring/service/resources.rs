//! A module's resources: links, documents and local contacts.

use crate::db::BeginWrite;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, EntityTrait};

use super::{modules, placing};
use crate::authoring::rules::fields;
use crate::authoring::types::NewResource;
use crate::db::entities::resources;
use crate::error::AppError;

pub async fn find(
    db: &impl sea_orm::ConnectionTrait,
    id: i32,
) -> Result<resources::Model, AppError> {
    resources::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn create(db: &DatabaseConnection, input: NewResource) -> Result<i32, AppError> {
    let kind = fields::resource_kind(&input.kind)?;
    let title = fields::title(&input.title)?;
    let url = fields::url(&input.url)?;
    if url.is_none() && kind != "contact" {
        return Err(AppError::invalid(
            "Un lien ou un document a besoin d’une adresse (https://…).",
        ));
    }
    let description = fields::text(
        "La description",
        &input.description,
        fields::MAX_TEXT_CHARS,
        false,
    )?;
    let txn = db.begin_write().await?;
    let module = modules::find(&txn, input.module_id).await?;
    let resource = resources::ActiveModel {
        module_id: Set(module.id),
        position: Set(placing::next_resource(&txn, module.id).await?),
        kind: Set(kind),
        title: Set(title),
        url: Set(url),
        description: Set(description),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(resource.id)
}

/// Deletes a resource; returns its module's id.
pub async fn delete(db: &DatabaseConnection, id: i32) -> Result<i32, AppError> {
    let resource = find(db, id).await?;
    resources::Entity::delete_by_id(id).exec(db).await?;
    Ok(resource.module_id)
}
