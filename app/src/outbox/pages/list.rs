//! « Courriels »: the outbox as the coordinator sees it.

use crate::layout::{Pager, TableFrame, Title};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::forms::ActionError;
use crate::mail::EmailStatus;
use crate::outbox::OutboxRow;
use crate::outbox::api::{RequeueEmail, get_outbox_summary};

#[component]
pub fn OutboxPage() -> impl IntoView {
    let requeue = ServerAction::<RequeueEmail>::new();
    let query = use_query_map();
    let summary = Resource::new(
        move || (query.read().get("avant"), requeue.version().get()),
        |(before, _)| get_outbox_summary(before),
    );
    view! {
        <Title text="Courriels"/>
        <section class="page">
            <h1>"Courriels envoyés par Relais"</h1>
            <ActionError result=requeue.value()/>
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    summary.await.map(|s| view! {
                        <ul class="counts" aria-label="Messages par état">
                            {s.counts.into_iter().map(|(status, n)| view! {
                                <li><strong>{n}</strong>" "{status.label()}</li>
                            }).collect_view()}
                        </ul>
                        <TableFrame caption=if s.later_page { "Messages plus anciens" } else { "Messages en échec, puis les plus récents" } columns=&["Objet", "Destinataire", "État", "Erreur", "Actions"]>
                            {s.messages.into_iter().map(|m| view! { <Line m requeue/> }).collect_view()}
                        </TableFrame>
                        <Pager
                            label="Pages des courriels"
                            first=("/coordination/courriels".to_owned(), "Messages les plus récents")
                            next=s.next.map(|id| (format!("/coordination/courriels?avant={id}"), "Messages plus anciens"))
                            later_page=s.later_page
                        />
                    })
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Line(m: OutboxRow, requeue: ServerAction<RequeueEmail>) -> impl IntoView {
    let href = format!("/coordination/courriels/{}", m.id);
    let id = m.id.to_string();
    let failed = m.status == EmailStatus::Failed;
    view! {
        <tr>
            <th scope="row">{m.subject}</th>
            <td>{m.recipient}</td>
            <td>{m.status.label()}" ("{m.attempts}" essai(s))"</td>
            <td>{m.last_error.unwrap_or_default()}</td>
            <td>
                <A href=href>"Voir le message"</A>
                {failed.then(|| view! {
                    <ActionForm action=requeue attr:class="inline-form">
                        <input type="hidden" name="email_id" value=id/>
                        <button type="submit">"Renvoyer"</button>
                    </ActionForm>
                })}
            </td>
        </tr>
    }
}
