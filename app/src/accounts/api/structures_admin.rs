//! The coordinator's management of partner structures: list all of them,
//! validate those typed in at sign-up, add new ones.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StructureRow {
    pub id: i32,
    pub name: String,
    pub sector: String,
    pub city: Option<String>,
    pub reviewed: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NewStructureForm {
    pub name: String,
    pub sector: String,
    #[serde(default)]
    pub city: String,
}

#[server(endpoint = "accounts/list_all_structures")]
pub async fn list_all_structures() -> Result<Vec<StructureRow>, AppError> {
    crate::http::respond(ssr::list()).await
}

#[server(endpoint = "accounts/review_structure")]
pub async fn review_structure(structure_id: i32) -> Result<(), AppError> {
    crate::http::respond(ssr::review(structure_id)).await
}

#[server(endpoint = "accounts/create_structure")]
pub async fn create_structure(input: NewStructureForm) -> Result<(), AppError> {
    crate::http::respond(ssr::create(input)).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, QueryOrder};

    use super::{NewStructureForm, StructureRow};
    use crate::accounts::sector::Sector;
    use crate::accounts::validation::check_new_structure_name;
    use crate::auth::require;
    use crate::db::entities::structures;
    use crate::error::AppError;
    use crate::roles::Role;

    pub async fn list() -> Result<Vec<StructureRow>, AppError> {
        require(&[Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let rows = structures::Entity::find()
            .order_by_asc(structures::Column::Reviewed)
            .order_by_asc(structures::Column::Name)
            .all(&state.db)
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

    pub async fn review(structure_id: i32) -> Result<(), AppError> {
        let me = require(&[Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let structure = structures::Entity::find_by_id(structure_id)
            .one(&state.db)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut active: structures::ActiveModel = structure.into();
        active.reviewed = Set(true);
        active.update(&state.db).await?;
        crate::audit::record(
            &state.db,
            Some(me.id),
            "structure_reviewed",
            Some(("structure", structure_id)),
            None,
        )
        .await?;
        leptos_axum::redirect("/coordination/structures");
        Ok(())
    }

    pub async fn create(input: NewStructureForm) -> Result<(), AppError> {
        let me = require(&[Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let name =
            check_new_structure_name(&input.name).map_err(|e| AppError::invalid(e.to_string()))?;
        let sector = Sector::from_code(input.sector.trim()).ok_or_else(|| {
            AppError::invalid("Choisissez le secteur de la structure dans la liste.")
        })?;
        let city = Some(input.city.trim().to_owned()).filter(|c| !c.is_empty());
        let created = structures::ActiveModel {
            name: Set(name),
            sector: Set(sector.code().to_owned()),
            city: Set(city),
            reviewed: Set(true),
            created_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(&state.db)
        .await
        .map_err(|e| match e.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
                AppError::Conflict("Une structure porte déjà ce nom.".to_owned())
            }
            _ => AppError::from(e),
        })?;
        crate::audit::record(
            &state.db,
            Some(me.id),
            "structure_created",
            Some(("structure", created.id)),
            None,
        )
        .await?;
        leptos_axum::redirect("/coordination/structures");
        Ok(())
    }
}
