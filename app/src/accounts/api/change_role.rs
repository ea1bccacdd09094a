//! `accounts/change_role`: the coordinator gives an account another role.

use leptos::prelude::*;

use crate::accounts::RoleChange;
use crate::error::AppError;

#[server(endpoint = "accounts/change_role")]
pub async fn change_role(input: RoleChange) -> Result<(), AppError> {
    crate::http::respond(async move {
        let me = crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::accounts::service::accounts_admin::change_role(&state.db, &me, input).await?;
        leptos_axum::redirect("/coordination/comptes?role=1");
        Ok(())
    })
    .await
}
