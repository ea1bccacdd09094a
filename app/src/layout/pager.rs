//! The links between the pages of a long list, paged by keyset: back to the
//! first page once past it, on to the next page when there is one. Plain
//! links, so they work without JavaScript.

use leptos::prelude::*;

/// One link of a [`Pager`]: its address and its text.
pub type PageLink = (String, &'static str);

/// Nothing when the list fits on one page; otherwise a `<nav>` named `label`
/// (« Pages de … ») with `first` when this is a later page and `next` when
/// another page follows.
#[component]
pub fn Pager(
    label: &'static str,
    first: PageLink,
    next: Option<PageLink>,
    later_page: bool,
) -> impl IntoView {
    (later_page || next.is_some()).then(|| {
        let (first_href, first_text) = first;
        view! {
            <nav aria-label=label class="pager">
                {later_page.then(|| view! { <a href=first_href>{first_text}</a>" " })}
                {next.map(|(href, text)| view! { <a href=href rel="next">{text}</a> })}
            </nav>
        }
    })
}
