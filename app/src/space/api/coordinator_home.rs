//! `space/coordinator_home`: the current year's sessions against the
//! programme, per module (coordinator only).

use leptos::prelude::*;

use crate::error::AppError;
use crate::space::types::CoordinatorHome;

#[server(endpoint = "space/coordinator_home")]
pub async fn load_coordinator_home() -> Result<CoordinatorHome, AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        use chrono::Datelike;
        crate::auth::require(&[Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let year = crate::calendar::to_local(chrono::Utc::now()).year();
        crate::space::service::coordinator::home(&state.db, year).await
    })
    .await
}
