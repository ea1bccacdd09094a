//! `indicators/dashboard`: every indicator of a selection (coordinator only).

use leptos::prelude::*;

use crate::error::AppError;
use crate::indicators::rules::selection::RawFilters;
use crate::indicators::types::Dashboard;

#[server(endpoint = "indicators/dashboard")]
pub async fn indicators_dashboard(input: RawFilters) -> Result<Dashboard, AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        use chrono::Datelike;
        crate::auth::require(&[Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let this_year = crate::calendar::to_local(chrono::Utc::now()).year();
        let filters = crate::indicators::rules::selection::parse(&input, this_year)
            .map_err(AppError::invalid)?;
        crate::indicators::service::dashboard::dashboard(&state.db, filters, this_year).await
    })
    .await
}
