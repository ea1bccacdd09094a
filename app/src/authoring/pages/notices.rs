//! What the workshop's forms say once done: each server function redirects
//! with one of the query parameters of [`crate::authoring::types::done`]
//! ([`crate::forms::done`]), and every
//! workshop page shows the matching notice, with or without JavaScript.

use leptos::prelude::*;

use crate::authoring::types::done::*;
use crate::forms::QueryNotices;

const NOTICES: [(&str, &str); 11] = [
    (
        CREATED,
        "Créé en brouillon : il reste invisible tant qu’il n’est pas publié.",
    ),
    (SAVED, "Modifications enregistrées."),
    (PUBLISHED, "Publié : les personnes en formation le voient."),
    (
        WITHDRAWN,
        "Retiré de la publication : les personnes en formation ne le voient plus.",
    ),
    (RESOURCE_ADDED, "La ressource a été ajoutée."),
    (RESOURCE_REMOVED, "La ressource a été retirée du module."),
    (QUESTION_SAVED, "La question a été enregistrée."),
    (QUESTION_DELETED, "La question a été supprimée."),
    (DELETED, "Supprimé définitivement."),
    (
        ARCHIVED,
        "Archivé : caché des personnes en formation et des nouvelles sessions ; tout ce qui a été fait est conservé.",
    ),
    (
        RESTORED,
        "Restauré en brouillon : publiez-le pour le rendre de nouveau visible.",
    ),
];

#[component]
pub fn WorkshopNotices() -> impl IntoView {
    view! { <QueryNotices list=&NOTICES/> }
}
