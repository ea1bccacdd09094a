//! The page a reset link leads to: choose a new password.

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::accounts::api::ResetPassword;
use crate::forms::{ActionError, Field};

#[component]
pub fn NewPasswordPage() -> impl IntoView {
    let action = ServerAction::<ResetPassword>::new();
    let query = use_query_map();
    let token = move || query.read().get("jeton").unwrap_or_default();
    view! {
        <Title text="Nouveau mot de passe"/>
        <section class="page narrow">
            <h1>"Choisir un nouveau mot de passe"</h1>
            <ActionError result=action.value()/>
            <ActionForm action=action>
                <input type="hidden" name="input[token]" value=token/>
                <Field id="password" label="Nouveau mot de passe" name="input[password]" kind="password"
                    autocomplete="new-password" required=true hint="Au moins 8 caractères."/>
                <p><button type="submit">"Enregistrer le mot de passe"</button></p>
            </ActionForm>
        </section>
    }
}
