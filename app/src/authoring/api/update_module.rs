//! A module's fields and objectives (one objective per line). The slug stays:
//! links already shared keep working.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ModuleUpdate {
    pub id: i32,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    pub duration_minutes: String,
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub prerequisites: String,
    /// One objective per line.
    #[serde(default)]
    pub objectives: String,
}

#[server(endpoint = "authoring/update_module")]
pub async fn update_module(input: ModuleUpdate) -> Result<(), AppError> {
    crate::http::respond(async move {
        crate::authoring::service::author().await?;
        let state = crate::state::app_state()?;
        let id = input.id;
        crate::authoring::service::modules::update(&state.db, input).await?;
        leptos_axum::redirect(&format!("/atelier/modules/{id}"));
        Ok(())
    })
    .await
}
