//! « Mes sessions » in the personal space: where the person is enrolled or
//! waiting, with a link to each session.

use leptos::prelude::*;

use super::slot_text;
use crate::error::AppError;
use crate::sessions::rules::Status;
use crate::sessions::types::MySessionLine;

/// `lines` comes from the page: a resource created inside a `Suspend` would
/// run without the request's context on the server.
#[component]
pub fn MySessions(lines: Resource<Result<Vec<MySessionLine>, AppError>>) -> impl IntoView {
    view! {
        <h2>"Mes sessions"</h2>
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                lines.await.map(|lines| {
                    if lines.is_empty() {
                        return view! {
                            <p>"Vous n’êtes inscrit·e à aucune session. "<a href="/sessions">"Voir les sessions"</a></p>
                        }.into_any();
                    }
                    view! {
                        <ul>
                            {lines.into_iter().map(|l| {
                                let first = l.session.slots.first().map(slot_text).unwrap_or_default();
                                let state = if l.session.status == Status::Cancelled {
                                    "Session annulée"
                                } else {
                                    l.status.label()
                                };
                                view! {
                                    <li>
                                        <a href=format!("/sessions/{}", l.session.id)>{l.session.title.clone()}</a>
                                        {format!(" · {first} · {state}")}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })
            })}
        </Suspense>
    }
}
