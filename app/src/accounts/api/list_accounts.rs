//! `accounts/list_accounts`: the coordinator lists and searches accounts.

use leptos::prelude::*;

use crate::accounts::AccountRow;
use crate::error::AppError;

#[server(endpoint = "accounts/list_accounts")]
pub async fn list_accounts(query: String) -> Result<Vec<AccountRow>, AppError> {
    crate::http::respond(async move {
        crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::accounts::service::accounts_admin::list(&state.db, query).await
    })
    .await
}
