//! « Sessions à clôturer »: the past sessions of a home whose roll calls are
//! not all signed, each linking to its page. Nothing is shown when there is
//! none.

use leptos::prelude::*;

use crate::calendar::french_date;
use crate::space::types::SessionToClose;

#[component]
pub fn ToCloseList(sessions: Vec<SessionToClose>) -> impl IntoView {
    (!sessions.is_empty()).then(|| {
        view! {
            <h2>"Sessions à clôturer"</h2>
            <p>"Signez les appels restants pour que la session soit comptée comme réalisée."</p>
            <ul>
                {sessions.into_iter().map(|s| view! {
                    <li>
                        <a href=format!("/sessions/{}", s.session_id)>{s.title}</a>
                        {format!(", terminée le {} : {}", french_date(s.last_day), unsigned_label(s.unsigned))}
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}

fn unsigned_label(n: usize) -> String {
    if n == 1 {
        "1 appel à signer".to_owned()
    } else {
        format!("{n} appels à signer")
    }
}
