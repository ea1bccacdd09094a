//! « Mot de passe oublié ? »: ask for a reset link by email.

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::accounts::api::RequestPasswordReset;
use crate::forms::{ActionError, Field};

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let action = ServerAction::<RequestPasswordReset>::new();
    let query = use_query_map();
    // `envoye` in the URL: the form was posted without JavaScript and redirected here.
    let sent = move || {
        matches!(action.value().get(), Some(Ok(()))) || query.read().get("envoye").is_some()
    };
    view! {
        <Title text="Mot de passe oublié"/>
        <section class="page narrow">
            <h1>"Mot de passe oublié"</h1>
            <p>"Indiquez l’adresse e-mail de votre compte : nous vous enverrons un lien valable 30 minutes pour choisir un nouveau mot de passe."</p>
            <Show when=sent>
                <p class="notice notice--ok" role="status">
                    "Si un compte existe avec cette adresse, un message vient de lui être envoyé. Pensez à vérifier vos courriers indésirables."
                </p>
            </Show>
            <ActionError result=action.value()/>
            <ActionForm action=action>
                <Field id="email" label="Adresse e-mail" name="input[email]" kind="email" autocomplete="username" required=true/>
                <p><button type="submit">"Recevoir un lien"</button></p>
            </ActionForm>
        </section>
    }
}
