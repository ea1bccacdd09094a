//! `accounts/search_accounts`: the coordinator searches accounts by name or
//! address. The search is kept out of the URL (see
//! [`crate::accounts::service::search`]); the page then lists what it finds.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "accounts/search_accounts")]
pub async fn search_accounts(query: String) -> Result<(), AppError> {
    use crate::accounts::service::search;

    crate::http::respond(async move {
        crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let query = search::check(&query)?;
        search::remember(&query, state.settings.secure_cookies());
        leptos_axum::redirect("/coordination/comptes");
        Ok(())
    })
    .await
}
