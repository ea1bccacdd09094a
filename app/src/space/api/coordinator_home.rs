//! `space/coordinator_home`: the current year's sessions against the
//! programme, per module, and the sessions still to close (coordinator only).

use leptos::prelude::*;

use crate::error::AppError;
use crate::space::types::CoordinatorHome;

#[server(endpoint = "space/coordinator_home")]
pub async fn load_coordinator_home() -> Result<CoordinatorHome, AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        use chrono::Datelike;
        let user = crate::auth::require(&[Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let now = chrono::Utc::now();
        let year = crate::calendar::to_local(now).year();
        crate::space::service::coordinator::home(&state.db, &user, year, now).await
    })
    .await
}
