//! The accessibility statement (RGAA).

use crate::layout::Title;
use leptos::prelude::*;

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <Title text="Accessibilité"/>
        <article class="page narrow prose">
            <h1>"Accessibilité"</h1>
            <p>
                "Relais vise la conformité au référentiel général d’amélioration de l’accessibilité "
                "(RGAA 4.1, équivalent WCAG 2.1 niveau AA). Chaque page est vérifiée automatiquement "
                "avec axe-core lors des tests, et l’ensemble se parcourt au clavier."
            </p>
            <h2>"État de conformité"</h2>
            <p>"Relais est partiellement conforme : aucun audit complet n’a encore été réalisé."</p>
            <h2>"Signaler un problème"</h2>
            <p>
                "Si vous ne parvenez pas à accéder à un contenu ou à un service, contactez la coordination "
                "du CLSM de Metz : nous vous proposerons une alternative accessible. Vous pouvez aussi "
                "saisir le Défenseur des droits."
            </p>
        </article>
    }
}
