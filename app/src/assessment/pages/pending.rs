//! « Questionnaires à remplir » in « Mon espace »: the open phases the
//! learner has not answered yet, each with a link to its page.

use leptos::prelude::*;

use crate::assessment::types::Pending;
use crate::error::AppError;

/// `pending` comes from the page (a resource created inside a `Suspend`
/// would run without the request's context on the server).
#[component]
pub fn PendingQuestionnaires(pending: Resource<Result<Vec<Pending>, AppError>>) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                pending.await.ok().filter(|p| !p.is_empty()).map(|p| view! {
                    <h2>"Questionnaires à remplir"</h2>
                    <ul>
                        {p.into_iter().map(|q| view! {
                            <li>
                                <a href=format!("/sessions/{}/auto-evaluation", q.session_id)>
                                    {format!("{} — {}", q.phase.label(), q.session_title)}
                                </a>
                            </li>
                        }).collect_view()}
                    </ul>
                })
            })}
        </Suspense>
    }
}
