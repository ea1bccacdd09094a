//! The frame around every page: skip link, header, navigation, main, footer,
//! and the pages that belong to no feature (not found, error).

mod footer;
mod header;
mod hydrated;
mod intro;
mod nav;
mod not_found;
mod pager;
mod problem;
mod table;
mod title;

pub use intro::Intro;
pub use nav::{NavItem, nav_items};
pub use not_found::NotFound;
pub use pager::{PageLink, Pager};
pub use problem::{PageProblem, ProblemMessage};
pub use table::TableFrame;
pub use title::Title;

use leptos::prelude::*;

/// Skip link, header, the page in `<main id="contenu">`, footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    // Inside the router: server actions read the errors of no-JavaScript form
    // posts from the URL, which only the router provides.
    crate::accounts::pages::provide_session();
    view! {
        <a class="skip-link" href="#contenu">"Aller au contenu"</a>
        <header::Header/>
        <main id="contenu" tabindex="-1">
            <ErrorBoundary fallback=|errors| view! { <PageProblem errors/> }>
                {children()}
            </ErrorBoundary>
        </main>
        <footer::Footer/>
        <hydrated::HydrationMark/>
    }
}
