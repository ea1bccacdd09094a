//! Server functions of the catalogue.

use leptos::prelude::*;

use crate::catalogue::types::ModuleSummary;
use crate::error::AppError;

/// The published modules, in catalogue order. Public: anyone may read the offer.
#[server(endpoint = "catalogue/list_modules")]
pub async fn list_modules() -> Result<Vec<ModuleSummary>, AppError> {
    let state = crate::state::app_state()?;
    crate::catalogue::service::modules::published_modules(&state.db).await
}
