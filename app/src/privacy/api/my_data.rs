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
        use crate::privacy::rules::page_cap;
        let (data, sessions_left_out) = crate::privacy::service::export::for_the_page(
            &state.db,
            user.id,
            now,
            page_cap::SHOWN_PER_SECTION,
        )
        .await?;
        let (data, mut left_out) = page_cap::for_the_page(data);
        if sessions_left_out > 0 {
            left_out.push((page_cap::SESSIONS_TAUGHT.to_owned(), sessions_left_out));
        }
        Ok(MyDataPage { data, left_out })
    })
    .await
}
