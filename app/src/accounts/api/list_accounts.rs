//! `accounts/list_accounts`: the accounts matching the coordinator's last
//! search (`accounts/search_accounts`), with that search.

use leptos::prelude::*;

use crate::accounts::AccountList;
use crate::error::AppError;

#[server(endpoint = "accounts/list_accounts")]
pub async fn list_accounts() -> Result<AccountList, AppError> {
    crate::http::respond(async move {
        crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let query = crate::accounts::service::search::recall();
        let rows = crate::accounts::service::accounts_admin::list(&state.db, &query).await?;
        Ok(AccountList { query, rows })
    })
    .await
}
