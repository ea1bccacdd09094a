//! `accounts/my_profile`: the signed-in person's own profile. (The download of
//! all their data is the server route `GET /mes-donnees`.)

use leptos::prelude::*;

use crate::accounts::Profile;
use crate::error::AppError;

#[server(endpoint = "accounts/my_profile")]
pub async fn my_profile() -> Result<Profile, AppError> {
    crate::http::respond(async {
        let me = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::accounts::service::profile::profile(&state.db, me.id).await
    })
    .await
}
