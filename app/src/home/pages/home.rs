//! The home page: what Relais is for, and where to go next.

use crate::layout::{Intro, Title};
use leptos::prelude::*;
use leptos_router::components::A;

const LEAD: &str = concat!(
    "Relais accompagne les professionnels du territoire messin — travail social, logement, ",
    "sécurité, santé, collectivités — dans la formation de sensibilisation en santé mentale ",
    "du Conseil local de santé mentale de Metz."
);

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text="Accueil"/>
        <section class="hero">
            <Intro heading="Se former ensemble à la santé mentale" lead=LEAD/>
            <p><A href="/formations" attr:class="button">"Découvrir les formations"</A></p>
        </section>
        <section class="page" aria-labelledby="comment-titre">
            <h2 id="comment-titre">"Comment se déroule une formation ?"</h2>
            <ol class="steps">
                <li><strong>"Inscription"</strong>" à une session, en salle ou à distance."</li>
                <li><strong>"Auto-évaluation"</strong>" avant la formation, pour situer vos besoins."</li>
                <li><strong>"Formation"</strong>" : leçons, échanges de pratiques et quiz."</li>
                <li><strong>"Émargement"</strong>" à chaque demi-journée, puis évaluation."</li>
                <li><strong>"Certificat de réalisation"</strong>" envoyé par courriel."</li>
            </ol>
        </section>
    }
}
