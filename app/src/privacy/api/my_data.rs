//! `privacy/my_data`: everything Relais keeps about the signed-in person, the
//! same document as the download of `GET /mes-donnees`, for the page
//! `/mes-donnees/consulter`.

use leptos::prelude::*;

use crate::error::AppError;
use crate::privacy::PersonalData;

#[server(endpoint = "privacy/my_data")]
pub async fn my_data() -> Result<PersonalData, AppError> {
    crate::http::as_signed_in(move |state, user, now| async move {
        crate::privacy::service::export::my_data(&state.db, user.id, now).await
    })
    .await
}
