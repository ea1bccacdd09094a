//! `sessions/manage_list`: one page of the sessions a trainer teaches, or of
//! every session for the coordinator, latest first (`page`: the code of
//! `rules::page::Cursor`, none for the first page).

use leptos::prelude::*;

use crate::error::AppError;
use crate::sessions::types::ManagedPage;

#[server(endpoint = "sessions/manage_list")]
pub async fn manage_sessions(page: Option<String>) -> Result<ManagedPage, AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        use crate::sessions::rules::page::Cursor;
        let user = crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        let after = match page.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
            None => None,
            Some(code) => Some(Cursor::parse(code).ok_or_else(|| {
                AppError::invalid("Cette page de la liste des sessions n’existe pas.")
            })?),
        };
        let state = crate::state::app_state()?;
        crate::sessions::service::view::manage_list(&state.db, &user, after).await
    })
    .await
}
