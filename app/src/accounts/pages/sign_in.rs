//! « Se connecter ».

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::accounts::api::{SignIn, demo_mode};
use crate::forms::Field;
use crate::forms::FormOutcome;

#[component]
pub fn SignInPage() -> impl IntoView {
    // Created inside the routes, so that it also shows the error of a form
    // posted without JavaScript (carried back in the URL).
    let action = ServerAction::<SignIn>::new();
    let demo = Resource::new(|| (), |_| async { demo_mode().await.unwrap_or(false) });
    view! {
        <Title text="Se connecter"/>
        <section class="page narrow">
            <h1>"Se connecter"</h1>
            <FormOutcome param="reinitialise" text="Votre mot de passe a été modifié. Vous pouvez vous connecter." result=action.value()/>
            <ActionForm action=action>
                <Field id="email" label="Adresse e-mail" name="input[email]" kind="email" autocomplete="username" required=true/>
                <Field id="password" label="Mot de passe" name="input[password]" kind="password" autocomplete="current-password" required=true/>
                <p><button type="submit">"Se connecter"</button></p>
            </ActionForm>
            <p><A href="/mot-de-passe-oublie">"Mot de passe oublié ?"</A></p>
            <p>"Pas encore de compte ? "<A href="/inscription">"Créer un compte"</A></p>
            <Suspense>
                {move || Suspend::new(async move {
                    demo.await.then(|| view! {
                        <aside class="notice" aria-labelledby="demo-titre">
                            <h2 id="demo-titre">"Comptes de démonstration"</h2>
                            <p>"Mot de passe commun : "<code>"Demo-Relais-2026"</code></p>
                            <ul>
                                <li>"Coordination : "<code>"coordination@demo.relais.fr"</code></li>
                                <li>"Formateur : "<code>"formateur@demo.relais.fr"</code></li>
                                <li>"Apprenant : "<code>"apprenant@demo.relais.fr"</code></li>
                            </ul>
                        </aside>
                    })
                })}
            </Suspense>
        </section>
    }
}
