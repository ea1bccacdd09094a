//! The sessions a trainer teaches (all of them for the coordinator), above
//! the public list for those who plan sessions, one page of
//! `rules::page::MANAGED_PER_PAGE` at a time, latest first; links (plain GET,
//! `?gerees=…`) lead to the earlier ones. The list is fetched by the page
//! (`list.rs`), whose body creates the resource.

use leptos::prelude::*;

use super::seats_text;
use crate::calendar::french_date;
use crate::layout::Pager;
use crate::sessions::types::ManagedPage;

#[component]
pub fn ManagedSessions(list: ManagedPage) -> impl IntoView {
    let ManagedPage {
        total,
        sessions,
        next,
        later_page,
    } = list;
    view! {
        <details open=later_page>
            <summary>{format!("Sessions que vous gérez ({total})")}</summary>
            <ul>
                {sessions.into_iter().map(|s| {
                    let day = s.slots.first().map(|d| french_date(d.day)).unwrap_or_default();
                    view! {
                        <li>
                            <a href=format!("/sessions/{}", s.id)>{s.title.clone()}</a>
                            {format!(" · {day} · {} · {}", s.status.label(), seats_text(&s))}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Pager
                label="Pages des sessions que vous gérez"
                first=("/sessions".to_owned(), "Sessions les plus récentes")
                next=next.map(|code| (format!("/sessions?gerees={code}"), "Sessions plus anciennes"))
                later_page
            />
        </details>
    }
}
