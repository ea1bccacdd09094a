//! `accounts/list_all_structures`: one page of the partner structures, for the
//! coordinator (`search`: a name or a city, none for all; `after`: the id of
//! the last structure of the page before, none for the first page).

use leptos::prelude::*;

use crate::accounts::StructureList;
use crate::error::AppError;

#[server(endpoint = "accounts/list_all_structures")]
pub async fn list_all_structures(
    search: Option<String>,
    after: Option<String>,
) -> Result<StructureList, AppError> {
    crate::http::respond(async move {
        crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let after = crate::params::optional_number(
            after.as_deref(),
            "Cette page de la liste des structures n’existe pas.",
        )?;
        let state = crate::state::app_state()?;
        crate::accounts::service::structures::page(
            &state.db,
            search.as_deref().unwrap_or_default(),
            after,
        )
        .await
    })
    .await
}
