//! One message of the outbox, as the coordinator opens it.

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_params_map};

use crate::outbox::api::get_outbox_message;
use crate::params::route_id;

/// A moment as the message page prints it.
fn when(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%d/%m/%Y %H:%M UTC").to_string()
}

#[component]
pub fn OutboxMessagePage() -> impl IntoView {
    let params = use_params_map();
    let message = Resource::new(
        move || params.read().get("id"),
        |id| async move { get_outbox_message(route_id(id)?).await },
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
                            <dt>"État"</dt><dd>{m.row.status.label()}</dd>
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
