//! A data table as every page shows one: scrollable on small screens, with its
//! caption and column headers, so that each page writes only its rows.

use leptos::prelude::*;

/// `columns` are the headers (`scope="col"`); `children` are the body's rows.
#[component]
pub fn TableFrame(
    #[prop(into)] caption: String,
    #[prop(into)] columns: Vec<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table>
                <caption>{caption}</caption>
                <thead><tr>
                    {columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}
                </tr></thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
