//! `certificates/issue`: issues the certificates of the session's eligible
//! learners — all at once, or `batch` at a time for the progress bar.

use leptos::prelude::*;

use crate::certificates::types::{IssueInput, IssueReport};
use crate::error::AppError;

#[server(endpoint = "certificates/issue")]
pub async fn issue_certificates(input: IssueInput) -> Result<IssueReport, AppError> {
    crate::http::respond(async move {
        let user =
            crate::auth::require(&[crate::roles::Role::Trainer, crate::roles::Role::Coordinator])
                .await?;
        let state = crate::state::app_state()?;
        crate::certificates::service::issue::issue(
            &state.db,
            &user,
            &input,
            &state.settings.public_url,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}
