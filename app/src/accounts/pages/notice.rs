//! The confirmation a page shows after a form posted without JavaScript: the
//! server's redirect carries it as a query parameter (e.g. `?enregistre=1`).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

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
