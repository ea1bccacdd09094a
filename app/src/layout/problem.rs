//! How a failed request is shown inside a page: a polite French message,
//! announced to screen readers, never a technical trace.

use leptos::prelude::*;

use crate::error::AppError;

#[component]
pub fn ProblemMessage(error: AppError) -> impl IntoView {
    view! {
        <div class="notice notice--error" role="alert">
            <p>{error.to_string()}</p>
        </div>
    }
}

/// The error boundary's page: every error a page raised, in French.
#[component]
pub fn PageProblem(errors: ArcRwSignal<Errors>) -> impl IntoView {
    view! {
        <section class="page narrow" role="alert">
            <h1>"Un problème est survenu"</h1>
            <ul>
                {move || {
                    errors
                        .get()
                        .into_iter()
                        .map(|(_, e)| view! { <li>{e.to_string()}</li> })
                        .collect_view()
                }}
            </ul>
            <p><a href="/">"Retour à l’accueil"</a></p>
        </section>
    }
}
