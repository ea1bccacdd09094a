//! The success notice a sessions page shows after a form posted without
//! JavaScript (or with it): the server's redirect names what was done as a
//! query parameter (`?modifiee=1`, `?corrigee=1`, `?retablie=1`, `?supprimee=1`).

use leptos::prelude::*;

use crate::forms::QueryNotices;

/// The query parameters and their notices.
const NOTICES: [(&str, &str); 4] = [
    ("modifiee", "Session modifiée."),
    (
        "corrigee",
        "Correction enregistrée, avec son motif, dans le journal.",
    ),
    (
        "retablie",
        "Session rétablie : les personnes inscrites sont prévenues par e-mail.",
    ),
    ("supprimee", "Session supprimée."),
];

#[component]
pub fn DoneNotice() -> impl IntoView {
    view! { <QueryNotices list=&NOTICES/> }
}
