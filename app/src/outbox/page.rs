//! « Courriels »: the outbox as the coordinator sees it.

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_params_map};

use super::api::{RequeueEmail, get_outbox_message, get_outbox_summary};
use super::types::{OutboxRow, status_label};
use crate::forms::ActionError;

fn when(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%d/%m/%Y %H:%M UTC").to_string()
}

#[component]
pub fn OutboxPage() -> impl IntoView {
    let requeue = ServerAction::<RequeueEmail>::new();
    let summary = Resource::new(move || requeue.version().get(), |_| get_outbox_summary());
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
                                <li><strong>{n}</strong>" "{status_label(&status)}</li>
                            }).collect_view()}
                        </ul>
                        <div class="table-scroll">
                            <table>
                                <caption>"Messages en échec, puis les plus récents"</caption>
                                <thead><tr>
                                    <th scope="col">"Objet"</th><th scope="col">"Destinataire"</th>
                                    <th scope="col">"État"</th><th scope="col">"Erreur"</th><th scope="col">"Actions"</th>
                                </tr></thead>
                                <tbody>
                                    {s.messages.into_iter().map(|m| view! { <Line m requeue/> }).collect_view()}
                                </tbody>
                            </table>
                        </div>
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
    let failed = m.status == "failed";
    view! {
        <tr>
            <th scope="row">{m.subject}</th>
            <td>{m.recipient}</td>
            <td>{status_label(&m.status)}" ("{m.attempts}" essai(s))"</td>
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

#[component]
pub fn OutboxMessagePage() -> impl IntoView {
    let params = use_params_map();
    let message = Resource::new(
        move || {
            params
                .read()
                .get("id")
                .and_then(|id| id.parse::<i32>().ok())
        },
        |id| async move {
            match id {
                Some(id) => get_outbox_message(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    view! {
        <Title text="Message"/>
        <section class="page narrow">
            <p><A href="/coordination/courriels">"Retour aux courriels"</A></p>
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    message.await.map(|m| view! {
                        <h1>{m.row.subject.clone()}</h1>
                        <dl class="facts">
                            <dt>"Destinataire"</dt><dd>{m.row.recipient.clone()}</dd>
                            <dt>"État"</dt><dd>{status_label(&m.row.status)}</dd>
                            <dt>"Créé le"</dt><dd>{when(m.row.created_at)}</dd>
                            <dt>"Envoyé le"</dt><dd>{m.row.sent_at.map(when).unwrap_or_else(|| "—".to_owned())}</dd>
                            <dt>"Pièces jointes"</dt><dd>{if m.attachments.is_empty() { "aucune".to_owned() } else { m.attachments.join(", ") }}</dd>
                        </dl>
                        <h2>"Texte du message"</h2>
                        <pre class="message-body">{m.body_text}</pre>
                    })
                })}
            </Suspense>
        </section>
    }
}
