//! The opening of a page that introduces itself: its heading and lead paragraph.

use leptos::prelude::*;

/// `<h1>` then `<p class="lead">`.
#[component]
pub fn Intro(heading: &'static str, lead: &'static str) -> impl IntoView {
    view! {
        <h1>{heading}</h1>
        <p class="lead">{lead}</p>
    }
}
