//! `/confidentialite`: what personal data Relais keeps, why, for how long and
//! who to ask (RGPD art. 13). The controller, the contact and the DPO come
//! from the configuration, the durations from the retention list
//! (`rules/retention.rs`) that the daily purge applies: the page cannot
//! announce a duration no code applies.

use leptos::prelude::*;

use crate::layout::{ProblemMessage, Title};
use crate::privacy::PrivacyNotice;
use crate::privacy::api::read_privacy_notice;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let notice = Resource::new(|| (), |_| read_privacy_notice());
    view! {
        <Title text="Données personnelles"/>
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match notice.await {
                    Ok(n) => view! { <Notice n/> }.into_any(),
                    Err(e) => view! { <ProblemMessage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Notice(n: PrivacyNotice) -> impl IntoView {
    let contact_href = format!("mailto:{}", n.contact);
    let contact = n.contact.clone();
    let dpo = match n.dpo {
        Some(dpo) => view! { <p>"Délégué à la protection des données : " {dpo} "."</p> }.into_any(),
        None => view! {
            <p>
                "Le délégué à la protection des données du responsable du traitement est joignable par l’intermédiaire de cette même adresse."
            </p>
        }
        .into_any(),
    };
    view! {
        <article class="page narrow prose">
            <h1>"Données personnelles"</h1>
            <p>
                "Cette page explique quelles données Relais conserve, pourquoi, qui peut les voir "
                "et pendant combien de temps."
            </p>
            <h2>"Responsable du traitement"</h2>
            <p>{n.controller}"."</p>
            <p>
                "Pour toute question ou demande sur vos données : "
                <a href=contact_href>{contact}</a>"."
            </p>
            {dpo}
            <h2>"Données conservées"</h2>
            <ul>
                <li>"Votre identité professionnelle : nom, adresse e-mail, profession, secteur et structure."</li>
                <li>"Votre parcours : inscriptions, présences par demi-journée, résultats aux quiz, "
                    "réponses aux questionnaires d’auto-évaluation et de satisfaction, certificats."</li>
                <li>"Un journal des connexions et des actions sensibles."</li>
            </ul>
            <h2>"Pourquoi, et sur quelle base"</h2>
            <ul>
                <li>
                    "Organiser les formations (inscriptions, convocations, émargement, quiz et "
                    "questionnaires) : mission d’intérêt public du CLSM et intérêt légitime à former "
                    "les professionnels du territoire."
                </li>
                <li>
                    "Conserver les présences et les certificats de réalisation : obligation légale, "
                    "comme preuve de la formation suivie auprès des financeurs."
                </li>
                <li>
                    "Produire les indicateurs du contrat local de santé : uniquement sous forme "
                    "agrégée et anonyme. Aucune donnée n’est vendue ni utilisée à des fins commerciales."
                </li>
            </ul>
            <h2>"Qui voit vos données"</h2>
            <ul>
                <li>"Les formateurs des sessions auxquelles vous êtes inscrit·e, pour ces sessions."</li>
                <li>"La coordination du CLSM."</li>
                <li>"Personne d’autre : les indicateurs ne sont diffusés qu’agrégés."</li>
            </ul>
            <p>
                "Seule la coordination du CLSM peut exporter les indicateurs. Son export de données "
                "détaillées compte une ligne par inscription, sans nom, adresse e-mail, structure, "
                "date précise ni réponse écrite : chaque personne y porte un numéro propre au fichier, "
                "et une profession partagée par moins de 5 personnes y est remplacée par « Autre »."
            </p>
            <h2>"Durées de conservation"</h2>
            <p>"Chaque durée ci-dessous est appliquée automatiquement, chaque jour."</p>
            <ul class="retention">
                {n.retention
                    .into_iter()
                    .map(|line| {
                        view! {
                            <li>
                                <strong>{line.what}</strong>" : "{line.duration}", "{line.why}"."
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <h2>"Vos droits"</h2>
            <ul>
                <li>"Accès et portabilité : depuis votre "<a href="/profil">"profil"</a>", « Mes données » "
                    "vous donne à consulter et à télécharger tout ce que Relais conserve sur vous."</li>
                <li>"Rectification : corrigez votre profil vous-même, ou demandez-le à la coordination."</li>
                <li>"Effacement : demandez-le depuis votre profil ; la coordination le confirme."</li>
                <li>"Opposition et limitation : écrivez à l’adresse ci-dessus."</li>
                <li>
                    "Réclamation : vous pouvez saisir la Commission nationale de l’informatique et "
                    "des libertés (CNIL, "<a href="https://www.cnil.fr/fr/plaintes">"www.cnil.fr"</a>")."
                </li>
            </ul>
            <p>"Les adresses des pages de Relais ne contiennent jamais de donnée personnelle."</p>
        </article>
    }
}
