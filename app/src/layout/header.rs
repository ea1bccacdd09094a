//! The site header: name of the platform, the main navigation for the
//! visitor's role, and the account links.

use leptos::prelude::*;
use leptos_router::components::A;

use super::nav::nav_items;
use crate::accounts::pages::use_session;
use crate::auth::CurrentUser;

#[component]
pub fn Header() -> impl IntoView {
    let session = use_session();
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href="/">
                    <span class="brand__name">"Relais"</span>
                    <span class="brand__tagline">"Santé mentale : se former ensemble · CLSM de Metz"</span>
                </a>
                <Transition fallback=|| view! { <Menu user=None/> }>
                    {move || Suspend::new(async move { view! { <Menu user=session.user.await/> } })}
                </Transition>
            </div>
        </header>
    }
}

#[component]
fn Menu(user: Option<CurrentUser>) -> impl IntoView {
    let session = use_session();
    let items = nav_items(user.as_ref().map(|u| u.role));
    view! {
        <nav aria-label="Navigation principale">
            <ul class="nav-list">
                {items
                    .into_iter()
                    .map(|i| view! { <li><A href=i.href exact=true>{i.label}</A></li> })
                    .collect_view()}
            </ul>
        </nav>
        <div class="account-links">
            {match user {
                None => view! {
                    <A href="/connexion">"Se connecter"</A>
                    <A href="/inscription">"Créer un compte"</A>
                }.into_any(),
                Some(user) => view! {
                    <A href="/profil">{user.display_name}</A>
                    <ActionForm action=session.sign_out attr:class="inline-form">
                        <button type="submit" class="link-button">"Se déconnecter"</button>
                    </ActionForm>
                }.into_any(),
            }}
        </div>
    }
}
