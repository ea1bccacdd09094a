//! The confirmation a page shows after a form posted without JavaScript: the
//! server's redirect carries it as a query parameter (e.g. `?enregistre=1`).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::error::AppError;
use crate::forms::ActionError;

/// The outcome of a page's form: `text` as a success notice while the URL
/// holds `param`, then the error of the form's last submission, if any.
#[component]
pub fn FormOutcome(
    param: &'static str,
    text: &'static str,
    #[prop(into)] result: Signal<Option<Result<(), AppError>>>,
) -> impl IntoView {
    view! {
        <QueryNotice param text/>
        <ActionError result/>
    }
}

/// Shows `text` as a success notice while the URL holds `param`.
#[component]
pub fn QueryNotice(param: &'static str, text: &'static str) -> impl IntoView {
    let query = use_query_map();
    let shown = move || query.read().get(param).is_some();
    view! {
        <Show when=shown>
            <p class="notice notice--ok" role="status">{text}</p>
        </Show>
    }
}
