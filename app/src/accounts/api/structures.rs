//! The partner structures one may choose at sign-up (public, reviewed ones only).

use leptos::prelude::*;

use crate::accounts::StructureOption;
use crate::error::AppError;

#[server(endpoint = "accounts/list_structures")]
pub async fn list_structures() -> Result<Vec<StructureOption>, AppError> {
    use crate::db::entities::structures;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

    crate::http::respond(async {
        let state = crate::state::app_state()?;
        let rows = structures::Entity::find()
            .filter(structures::Column::Reviewed.eq(true))
            .order_by_asc(structures::Column::Name)
            .all(&state.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|s| StructureOption {
                id: s.id,
                name: s.name,
            })
            .collect())
    })
    .await
}
