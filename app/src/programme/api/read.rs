//! `programme/read`: a year's programme (the current year when none is given).

use leptos::prelude::*;

use crate::error::AppError;
use crate::programme::types::Programme;

#[server(endpoint = "programme/read")]
pub async fn read_programme(year: Option<i32>) -> Result<Programme, AppError> {
    crate::http::respond(async move {
        use chrono::Datelike;
        crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let this_year = crate::calendar::to_local(chrono::Utc::now()).year();
        let year = year.unwrap_or(this_year);
        if !(2000..=2200).contains(&year) {
            return Err(AppError::invalid(
                "Choisissez une année entre 2000 et 2200.",
            ));
        }
        crate::programme::service::read::programme(&state.db, year, this_year).await
    })
    .await
}
