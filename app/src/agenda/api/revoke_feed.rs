//! `agenda/revoke_feed`: the signed-in person revokes one of their own feeds;
//! its address stops working at once. Another person's feed is "not found".

use leptos::prelude::*;

use crate::agenda::types::FeedRef;
use crate::error::AppError;

#[server(endpoint = "agenda/revoke_feed")]
pub async fn revoke_feed(input: FeedRef) -> Result<(), AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::agenda::service::tokens::revoke(&state.db, &user, input.feed_id, chrono::Utc::now())
            .await?;
        leptos_axum::redirect("/mon-agenda");
        Ok(())
    })
    .await
}
