//! The page a confirmation link opens: one button confirms the address. The
//! link itself changes nothing (mail scanners open links), the button posts.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::accounts::api::ConfirmEmail;
use crate::forms::ActionError;
use crate::layout::Title;

#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let action = ServerAction::<ConfirmEmail>::new();
    let query = use_query_map();
    let token = move || query.read().get("jeton").unwrap_or_default();
    let confirmed = move || query.read().get("confirmee").is_some();
    view! {
        <Title text="Confirmer mon adresse e-mail"/>
        <section class="page narrow">
            <h1>"Confirmer mon adresse e-mail"</h1>
            <Show
                when=confirmed
                fallback=move || view! {
                    <p>"En confirmant, vous attestez que vous recevez bien les messages de Relais à cette adresse. \
                        Vous pourrez ensuite vous inscrire vous-même aux sessions et recevoir vos certificats."</p>
                    <ActionError result=action.value()/>
                    <ActionForm action=action>
                        <input type="hidden" name="input[token]" value=token/>
                        <p><button type="submit">"Confirmer mon adresse"</button></p>
                    </ActionForm>
                }
            >
                <p class="notice notice--ok" role="status">"Votre adresse e-mail est confirmée. Merci\u{a0}!"</p>
                <p><a href="/mon-espace">"Aller à mon espace"</a></p>
            </Show>
        </section>
    }
}
