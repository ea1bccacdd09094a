//! `indicators/dashboard`: every indicator of a selection (coordinator only).

use leptos::prelude::*;

use crate::error::AppError;
use crate::indicators::rules::selection::RawFilters;
use crate::indicators::types::Dashboard;

#[server(endpoint = "indicators/dashboard")]
pub async fn indicators_dashboard(input: RawFilters) -> Result<Dashboard, AppError> {
    crate::http::respond(async move {
        use crate::indicators::service::{dashboard::dashboard, selection};
        use crate::roles::Role;
        crate::auth::require(&[Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let (filters, this_year) = selection::read(&input)?;
        dashboard(&state.db, filters, this_year).await
    })
    .await
}
