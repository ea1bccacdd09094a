//! The page for addresses that lead nowhere, answered with HTTP 404.

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Page introuvable"/>
        <section class="page narrow">
            <h1>"Page introuvable"</h1>
            <p>"L’adresse demandée ne correspond à aucune page de Relais. Elle a peut-être été déplacée."</p>
            <p><A href="/">"Retour à l’accueil"</A></p>
        </section>
    }
}
