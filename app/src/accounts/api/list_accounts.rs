//! `accounts/list_accounts`: one page of the accounts matching the
//! coordinator's last search (`accounts/search_accounts`), with that search
//! (`after`: the id of the last account of the page before, none for the
//! first page).

use leptos::prelude::*;

use crate::accounts::AccountList;
use crate::error::AppError;

#[server(endpoint = "accounts/list_accounts")]
pub async fn list_accounts(after: Option<String>) -> Result<AccountList, AppError> {
    crate::http::respond(async move {
        crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let after = crate::params::optional_number(
            after.as_deref(),
            "Cette page de la liste des comptes n’existe pas.",
        )?;
        let state = crate::state::app_state()?;
        let query = crate::accounts::service::search::recall();
        crate::accounts::service::accounts_admin::list(&state.db, &query, after).await
    })
    .await
}
