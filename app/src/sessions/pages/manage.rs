//! The sessions a trainer teaches (all of them for the coordinator), above
//! the public list for those who plan sessions. The list is fetched by the
//! page (`list.rs`), whose body creates the resource.

use leptos::prelude::*;

use super::seats_text;
use crate::calendar::french_date;
use crate::sessions::types::SessionSummary;

#[component]
pub fn ManagedSessions(list: Vec<SessionSummary>) -> impl IntoView {
    view! {
        <details>
            <summary>{format!("Sessions que vous gérez ({})", list.len())}</summary>
            <ul>
                {list.into_iter().map(|s| {
                    let day = s.slots.first().map(|d| french_date(d.day)).unwrap_or_default();
                    view! {
                        <li>
                            <a href=format!("/sessions/{}", s.id)>{s.title.clone()}</a>
                            {format!(" · {day} · {} · {}", s.status.label(), seats_text(&s))}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
}
