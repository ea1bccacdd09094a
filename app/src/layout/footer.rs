//! The site footer: who runs the platform, legal pages, useful numbers.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p>
                    "Relais est la plateforme de formation du Conseil local de santé mentale (CLSM) "
                    "de Metz, porté par le Centre hospitalier de Jury, la Ville de Metz et l’ARS Grand Est."
                </p>
                <p class="urgent">
                    "En cas d’urgence : SAMU "<strong>"15"</strong>
                    " · Prévention du suicide "<strong>"3114"</strong>" (24 h/24, gratuit)"
                </p>
                <ul class="footer-links">
                    <li><A href="/confidentialite">"Données personnelles"</A></li>
                    <li><A href="/accessibilite">"Accessibilité"</A></li>
                </ul>
            </div>
        </footer>
    }
}
