//! `journal/read`: one page of the audit log with the filters read from the
//! address (the coordinator only; bad filters: 422 with a French message).

use leptos::prelude::*;

use crate::error::AppError;
use crate::journal::types::{Journal, JournalQuery};

#[server(endpoint = "journal/read")]
pub async fn read_journal(query: JournalQuery) -> Result<Journal, AppError> {
    crate::http::respond(async move {
        crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let filter = crate::journal::rules::filter::read_filter(&query)?;
        let state = crate::state::app_state()?;
        crate::journal::service::read::read(&state.db, &filter).await
    })
    .await
}
