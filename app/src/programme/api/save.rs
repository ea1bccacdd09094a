//! `programme/save`: the coordinator saves a year's programme and its note.

use leptos::prelude::*;

use crate::error::AppError;
use crate::programme::types::ProgrammeInput;

/// Answers how many modules' counts changed.
#[server(endpoint = "programme/save")]
pub async fn save_programme(input: ProgrammeInput) -> Result<usize, AppError> {
    crate::http::respond(async move {
        use chrono::Datelike;
        let me = crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let now = chrono::Utc::now();
        let this_year = crate::calendar::to_local(now).year();
        let changed =
            crate::programme::service::save::save(&state.db, &me, &input, now, this_year).await?;
        leptos_axum::redirect(&format!(
            "/coordination/programme?annee={}&enregistre=1",
            input.year
        ));
        Ok(changed)
    })
    .await
}
