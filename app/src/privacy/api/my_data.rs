//! `privacy/my_data`: everything Relais keeps about the signed-in person, the
//! same document as the download of `GET /mes-donnees`, for the page
//! `/mes-donnees/consulter`, with each long section cut to its latest
//! entries (the download holds them all).

use leptos::prelude::*;

use crate::error::AppError;
use crate::privacy::MyDataPage;

#[server(endpoint = "privacy/my_data")]
pub async fn my_data() -> Result<MyDataPage, AppError> {
    crate::http::as_signed_in(move |state, user, now| async move {
        let data = crate::privacy::service::export::my_data(&state.db, user.id, now).await?;
        let (data, left_out) = crate::privacy::rules::page_cap::for_the_page(data);
        Ok(MyDataPage { data, left_out })
    })
    .await
}
