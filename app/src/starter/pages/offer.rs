//! The offer « Installer le contenu de départ », shown on « Les formations » to
//! the coordinator while the catalogue is empty, and the message once done
//! (after a post without JavaScript too: the function redirects back here).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::forms::ActionError;
use crate::starter::api::{InstallStarter, starter_offer};

#[component]
pub fn StarterOffer() -> impl IntoView {
    let query = use_query_map();
    let install = ServerAction::<InstallStarter>::new();
    let offer = Resource::new(move || install.version().get(), |_| starter_offer());
    let done = move || match install.value().get() {
        Some(Ok(installed)) => Some(format!(
            "Contenu de départ installé : {}, en brouillon.",
            installed.summary()
        )),
        Some(Err(_)) => None,
        None => (query.read().get("contenu").as_deref() == Some("installe"))
            .then(|| "Contenu de départ installé, en brouillon.".to_owned()),
    };
    view! {
        <div aria-live="polite">
            {move || done().map(|text| view! {
                <div class="notice notice--ok">
                    <p>{text}</p>
                    <p>
                        "Relisez chaque module, ses leçons et son quiz dans l’"
                        <a href="/atelier">"Atelier"</a>
                        ", puis publiez-les : ils apparaîtront alors ici."
                    </p>
                </div>
            })}
        </div>
        <ActionError result=Signal::derive(move || install.value().get().map(|r| r.map(|_| ())))/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                offer.await.ok().filter(|offered| *offered).map(|_| view! {
                    <section class="card" aria-labelledby="contenu-depart-titre">
                        <h2 id="contenu-depart-titre">"Démarrer avec le contenu de départ"</h2>
                        <p>
                            "Le catalogue est vide. Relais peut installer les trois modules du CLSM "
                            "(sensibilisation, santé mentale et précarité, prévention et gestion des "
                            "situations de crise) avec leurs leçons, ressources, quiz et questionnaires. "
                            "Ils sont installés en brouillon : relisez-les dans l’Atelier avant de les publier."
                        </p>
                        <ActionForm action=install>
                            <button type="submit" class="button">"Installer le contenu de départ"</button>
                        </ActionForm>
                    </section>
                })
            })}
        </Suspense>
    }
}
