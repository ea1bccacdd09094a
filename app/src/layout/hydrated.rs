//! The mark that the browser has taken over: `data-hydrated="true"` on
//! `<html>`, set by the last island of every page once the islands before it
//! are live, so that end-to-end tests (and curious people) can tell.

use leptos::prelude::*;

/// Rendered at the end of every page, after `<main>`: islands hydrate in
/// document order, so when this one runs the page's own islands already do.
#[island]
pub fn HydrationMark() -> impl IntoView {
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
}
