//! `agenda/create_feed`: creates (or regenerates, revoking the old one) the
//! signed-in person's feed of a kind; the teaching feed is for trainers and
//! the coordinator. The address is handed to the page once (see `service::once`).

use leptos::prelude::*;

use crate::agenda::types::FeedChoice;
use crate::error::AppError;

#[server(endpoint = "agenda/create_feed")]
pub async fn create_feed(input: FeedChoice) -> Result<(), AppError> {
    use crate::agenda::rules::kind::FeedKind;
    use crate::agenda::service::{once, tokens};

    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let kind = FeedKind::from_code(&input.kind)
            .ok_or_else(|| AppError::invalid("Choisissez un type d’agenda."))?;
        let state = crate::state::app_state()?;
        let token = tokens::create(&state.db, &user, kind, chrono::Utc::now()).await?;
        once::hand_over(kind, &token, state.settings.secure_cookies());
        leptos_axum::redirect("/mon-agenda");
        Ok(())
    })
    .await
}
