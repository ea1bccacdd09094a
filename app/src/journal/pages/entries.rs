//! The journal's table: one row per entry, its details as a list.

use leptos::prelude::*;

use crate::journal::types::Entry;
use crate::layout::TableFrame;

#[component]
pub fn EntriesTable(entries: Vec<Entry>) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p>"Aucune action ne correspond à ces filtres."</p> }.into_any();
    }
    view! {
        <TableFrame
            caption="Actions enregistrées, des plus récentes aux plus anciennes (heure de Paris)"
            columns=vec!["Date", "Action", "Par", "Session", "Concerne", "Détails"]
        >
            {entries.into_iter().map(|e| view! { <Line e/> }).collect_view()}
        </TableFrame>
    }
    .into_any()
}

#[component]
fn Line(e: Entry) -> impl IntoView {
    view! {
        <tr>
            <td>{e.when}</td>
            <th scope="row">{e.action}</th>
            <td>{e.actor}</td>
            <td>{match e.session {
                Some(s) => view! { <a href=format!("/sessions/{}", s.id)>{s.title}</a> }.into_any(),
                None => "—".into_any(),
            }}</td>
            <td>{if e.concerns.is_empty() { "—".to_owned() } else { e.concerns }}</td>
            <td>{(!e.details.is_empty()).then(|| view! {
                <ul class="plain">
                    {e.details.into_iter().map(|(name, value)| view! {
                        <li>{format!("{name} : {value}")}</li>
                    }).collect_view()}
                </ul>
            })}</td>
        </tr>
    }
}
