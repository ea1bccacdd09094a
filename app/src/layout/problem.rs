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

/// The error boundary's page: every error a page raised, in French. A page
/// that does not exist (an unknown or malformed id) answers 404, as the
/// unknown URLs do.
#[component]
pub fn PageProblem(errors: ArcRwSignal<Errors>) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if errors.with_untracked(|errors| {
        errors
            .iter()
            .any(|(_, e)| matches!(e.downcast_ref::<AppError>(), Some(AppError::NotFound)))
    }) && let Some(response) = use_context::<leptos_axum::ResponseOptions>()
    {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
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
