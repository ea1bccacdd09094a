//! The page title, « <page> · Relais », which is never empty.
//!
//! `leptos_meta::Title` removes its text when its view unmounts, and its
//! browser effect first runs before any text is pushed: while a page redraws
//! after an action (a `Suspense` showing its fallback), and at the start of
//! hydration, `<title>` was briefly empty, which is an accessibility failure
//! (axe `document-title`). Here the server renders the title through
//! `leptos_meta` (into `<head>`, with `MetaTags`), and the browser only ever
//! replaces it with another non-empty title: the last page's title stays
//! until the next page has its own.

use leptos::prelude::*;
use leptos::text_prop::TextProp;

/// The product's name, after every page title.
pub const SITE_NAME: &str = "Relais";

/// « <page> · Relais », or the product's name alone for an empty page title.
pub fn full_title(page: &str) -> String {
    let page = page.trim();
    if page.is_empty() {
        SITE_NAME.to_owned()
    } else {
        format!("{page} · {SITE_NAME}")
    }
}

/// Sets the document's title for the current page.
#[cfg(feature = "ssr")]
#[component]
pub fn Title(#[prop(into)] text: TextProp) -> impl IntoView {
    // The `()` leaves the empty placeholder (`<!>`) that the browser's view,
    // a `()`, hydrates from.
    (
        view! { <leptos_meta::Title text=full_title(&text.get())/> },
        (),
    )
}

/// Sets the document's title for the current page.
#[cfg(not(feature = "ssr"))]
#[component]
pub fn Title(#[prop(into)] text: TextProp) -> impl IntoView {
    Effect::new(move |_| {
        let page = text.get();
        if !page.trim().is_empty() {
            document().set_title(&full_title(&page));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_title_is_followed_by_the_product_name() {
        assert_eq!(full_title("Mon agenda"), "Mon agenda · Relais");
    }

    #[test]
    fn an_empty_page_title_still_names_the_product() {
        assert_eq!(full_title(""), "Relais");
        assert_eq!(full_title("  "), "Relais");
    }
}
