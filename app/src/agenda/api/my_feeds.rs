//! `agenda/my_feeds`: the signed-in person's live feeds, the kinds they may
//! create, and the address created just before (shown once).

use leptos::prelude::*;

use crate::agenda::types::FeedsOverview;
use crate::error::AppError;

#[server(endpoint = "agenda/my_feeds")]
pub async fn my_feeds() -> Result<FeedsOverview, AppError> {
    use crate::agenda::rules::kind::FeedKind;
    use crate::agenda::service::{once, tokens};
    use crate::agenda::types::FreshFeed;

    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        let secure = state.settings.secure_cookies();
        let base = state.settings.public_url.trim_end_matches('/');
        let fresh = once::take(secure).map(|(kind, token)| FreshFeed {
            kind,
            url: format!("{base}/agenda/{token}.ics"),
        });
        Ok(FeedsOverview {
            feeds: tokens::live(&state.db, user.id).await?,
            kinds: FeedKind::ALL
                .into_iter()
                .filter(|k| k.allowed_for(user.role))
                .collect(),
            fresh,
        })
    })
    .await
}
