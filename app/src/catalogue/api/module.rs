//! A module's page. Public for published modules; drafts only for authors.

use leptos::prelude::*;

use crate::catalogue::types::ModuleDetail;
use crate::error::AppError;

#[server(endpoint = "catalogue/module")]
pub async fn get_module(slug: String) -> Result<ModuleDetail, AppError> {
    crate::http::respond(async move {
        let user = crate::auth::current_user().await?;
        let state = crate::state::app_state()?;
        crate::catalogue::service::modules::module_detail(&state.db, &slug, user.as_ref()).await
    })
    .await
}
