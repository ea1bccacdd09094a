//! What personal data Relais keeps, why, and for how long (RGPD).

use crate::layout::Title;
use leptos::prelude::*;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <Title text="Données personnelles"/>
        <article class="page narrow prose">
            <h1>"Données personnelles"</h1>
            <p>
                "Relais est mis en œuvre par le Conseil local de santé mentale (CLSM) de Metz, porté par le "
                "Centre hospitalier de Jury. Cette page explique quelles données nous conservons, pourquoi "
                "et pendant combien de temps."
            </p>
            <h2>"Données conservées"</h2>
            <ul>
                <li>"Votre identité professionnelle : nom, adresse e-mail, profession, secteur et structure."</li>
                <li>"Votre parcours : inscriptions, présences par demi-journée, résultats aux quiz, "
                    "réponses aux questionnaires d’auto-évaluation et de satisfaction, certificats."</li>
                <li>"Des journaux techniques (connexions, actions sensibles) sans contenu personnel."</li>
            </ul>
            <h2>"Pourquoi"</h2>
            <p>
                "Pour organiser les formations, attester de votre participation (certificat de réalisation) "
                "et produire, de façon agrégée et anonyme, les indicateurs du contrat local de santé. "
                "Aucune donnée n’est vendue ni utilisée à des fins commerciales."
            </p>
            <p>
                "Seule la coordination du CLSM peut exporter ces indicateurs. Son export de données "
                "détaillées compte une ligne par inscription, sans nom, adresse e-mail, structure, "
                "date précise ni réponse écrite : chaque personne y porte un numéro propre au fichier, "
                "et une profession partagée par moins de 5 personnes y est remplacée par « Autre »."
            </p>
            <h2>"Durée de conservation"</h2>
            <ul>
                <li>"Compte : tant qu’il est actif, puis 3 ans après la dernière connexion."</li>
                <li>"Feuilles d’émargement et certificats : 6 ans (preuve de réalisation de la formation), "
                    "sous forme anonymisée si vous demandez l’effacement de votre compte."</li>
                <li>"Journaux techniques : 1 an."</li>
            </ul>
            <h2>"Vos droits"</h2>
            <p>
                "Vous pouvez consulter et télécharger vos données depuis votre profil, les corriger, "
                "et demander leur effacement. Pour toute question : le coordonnateur du CLSM de Metz. "
                "Vous pouvez aussi saisir la CNIL."
            </p>
            <p>"Les adresses des pages de Relais ne contiennent jamais de donnée personnelle."</p>
        </article>
    }
}
