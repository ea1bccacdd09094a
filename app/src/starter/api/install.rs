//! `starter/install`: the coordinator installs the starter content as drafts.

use leptos::prelude::*;

use crate::error::AppError;
use crate::starter::types::Installed;

#[server(endpoint = "starter/install")]
pub async fn install_starter() -> Result<Installed, AppError> {
    crate::http::respond(async move {
        let me = crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let installed =
            crate::starter::service::install_for(&state.db, Some(me.id), chrono::Utc::now())
                .await?;
        leptos_axum::redirect("/formations?contenu=installe");
        Ok(installed)
    })
    .await
}
