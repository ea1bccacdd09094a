//! `/mon-agenda`: create, regenerate and revoke one's calendar addresses, with
//! how to subscribe in the usual calendar applications. A new address is shown
//! once, right after its creation (only its hash is kept).

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::agenda::api::{CreateFeed, RevokeFeed, my_feeds};
use crate::agenda::rules::kind::FeedKind;
use crate::agenda::types::{FeedLine, FeedsOverview, FreshFeed};
use crate::forms::ActionError;

#[component]
pub fn AgendaPage() -> impl IntoView {
    let create = ServerAction::<CreateFeed>::new();
    let revoke = ServerAction::<RevokeFeed>::new();
    let feeds = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| my_feeds(),
    );
    view! {
        <Title text="Mon agenda"/>
        <section class="page">
            <h1>"Mon agenda"</h1>
            <p>"Abonnez votre application d’agenda à une adresse personnelle : vos sessions y apparaissent et s’y mettent à jour toutes seules (dates, horaires, lieu ou lien de visioconférence). Les sessions annulées en disparaissent."</p>
            <ActionError result=create.value()/>
            <ActionError result=revoke.value()/>
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match feeds.await {
                        Ok(mine) => view! { <Feeds mine create revoke/> }.into_any(),
                        Err(_) => view! {
                            <p>"Veuillez vous connecter pour gérer vos agendas."</p>
                            <p><A href="/connexion">"Se connecter"</A></p>
                        }.into_any(),
                    }
                })}
            </Suspense>
            <Help/>
        </section>
    }
}

#[component]
fn Feeds(
    mine: FeedsOverview,
    create: ServerAction<CreateFeed>,
    revoke: ServerAction<RevokeFeed>,
) -> impl IntoView {
    let FeedsOverview {
        feeds,
        kinds,
        fresh,
    } = mine;
    view! {
        {fresh.map(|f| view! { <Fresh fresh=f/> })}
        {kinds.into_iter().map(|kind| {
            let live = feeds.iter().find(|f| f.kind == kind).cloned();
            view! { <KindSection kind live create revoke/> }
        }).collect_view()}
    }
}

#[component]
fn Fresh(fresh: FreshFeed) -> impl IntoView {
    view! {
        <div class="notice" role="status">
            <h2 id="nouvelle-adresse">{format!("Votre nouvelle adresse : {}", fresh.kind.label())}</h2>
            <p><strong>"Copiez-la maintenant : elle ne sera plus jamais affichée."</strong>
                " Relais n’en garde qu’une empreinte et ne peut pas la retrouver ; si vous la perdez, créez-en une nouvelle."</p>
            <label for="adresse-agenda">"Adresse de l’agenda"</label>
            <input id="adresse-agenda" type="text" readonly=true value=fresh.url class="feed-url"/>
        </div>
    }
}

#[component]
fn KindSection(
    kind: FeedKind,
    live: Option<FeedLine>,
    create: ServerAction<CreateFeed>,
    revoke: ServerAction<RevokeFeed>,
) -> impl IntoView {
    let heading = format!("agenda-{}", kind.code());
    let what = match kind {
        FeedKind::Inscriptions => "Les sessions auxquelles votre inscription est confirmée.",
        FeedKind::Animation => "Les sessions que vous animez.",
    };
    let has_live = live.is_some();
    view! {
        <h2 id=heading.clone()>{kind.label()}</h2>
        <p>{what}</p>
        {match live {
            Some(feed) => view! {
                <p>{format!("Adresse active, créée le {}.", feed.created_on)}</p>
                <ActionForm action=revoke attr:class="inline-form">
                    <input type="hidden" name="input[feed_id]" value=feed.id/>
                    <button type="submit" class="button--secondary">
                        "Révoquer l’adresse"<span class="visually-hidden">{format!(" « {} »", kind.label())}</span>
                    </button>
                </ActionForm>
            }.into_any(),
            None => view! { <p>"Aucune adresse active."</p> }.into_any(),
        }}
        <ActionForm action=create attr:class="inline-form">
            <input type="hidden" name="input[kind]" value=kind.code()/>
            <button type="submit">
                {if has_live { "Remplacer par une nouvelle adresse" } else { "Créer l’adresse" }}
                <span class="visually-hidden">{format!(" « {} »", kind.label())}</span>
            </button>
        </ActionForm>
        {has_live.then_some(view! {
            <p class="field-hint">"Remplacer l’adresse révoque l’ancienne : les agendas abonnés à l’ancienne ne reçoivent plus rien."</p>
        })}
    }
}

#[component]
fn Help() -> impl IntoView {
    view! {
        <h2>"S’abonner dans son agenda"</h2>
        <ul>
            <li><strong>"Outlook"</strong>" : Calendrier › Ajouter un calendrier › « À partir d’Internet » (ou « S’abonner à partir du web »), puis collez l’adresse."</li>
            <li><strong>"Google Agenda"</strong>" : sur ordinateur, « Autres agendas » › « + » › « À partir de l’URL », puis collez l’adresse."</li>
            <li><strong>"Apple Calendrier"</strong>" : Fichier › « Nouvel abonnement à un calendrier… » (sur iPhone : Réglages › Calendrier › Comptes › Ajouter un compte › Autre › « Ajouter un calendrier avec abonnement »)."</li>
        </ul>
        <p>"Les applications relisent l’adresse d’elles-mêmes, de quelques minutes à une journée selon l’application : une modification n’y apparaît pas toujours aussitôt."</p>
        <h2>"Une adresse secrète"</h2>
        <p>"Toute personne qui connaît l’adresse voit vos sessions, sans se connecter. Ne la partagez pas. Si vous l’avez partagée par erreur, ou si un appareil a été perdu, révoquez-la : elle cesse aussitôt de fonctionner, et vous pouvez en créer une nouvelle."</p>
    }
}
