//! « Créer un compte », for learners.

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::accounts::api::{SignUp, list_structures};
use crate::accounts::rules::Sector;
use crate::forms::{ActionError, Field};

#[component]
pub fn SignUpPage() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    let structures = Resource::new(
        || (),
        |_| async { list_structures().await.unwrap_or_default() },
    );
    view! {
        <Title text="Créer un compte"/>
        <section class="page narrow">
            <h1>"Créer un compte"</h1>
            <p>"Le compte vous permet de vous inscrire aux sessions, de suivre les modules et de recevoir vos certificats."</p>
            <ActionError result=action.value()/>
            <ActionForm action=action>
                <Field id="display_name" label="Prénom et nom" name="input[display_name]" autocomplete="name" required=true/>
                <Field id="email" label="Adresse e-mail" name="input[email]" kind="email" autocomplete="email" required=true
                    hint="Votre adresse professionnelle, de préférence."/>
                <Field id="password" label="Mot de passe" name="input[password]" kind="password" autocomplete="new-password" required=true
                    hint="Au moins 8 caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner."/>
                <Field id="profession" label="Profession" name="input[profession]" autocomplete="organization-title"
                    hint="Par exemple : assistante sociale, agent de police municipale, infirmier."/>
                <label for="sector">"Secteur d’activité (obligatoire)"</label>
                <select id="sector" name="input[sector]" required>
                    <option value="">"Choisissez…"</option>
                    {Sector::ALL.iter().map(|s| view! { <option value=s.code()>{s.label()}</option> }).collect_view()}
                </select>
                <label for="structure_id">"Structure"</label>
                <p class="field-hint" id="structure-aide">"Choisissez votre structure, ou saisissez son nom ci-dessous si elle n’est pas dans la liste."</p>
                <select id="structure_id" name="input[structure_id]" aria-describedby="structure-aide">
                    <option value="">"Ma structure n’est pas dans la liste"</option>
                    <Suspense>
                        {move || Suspend::new(async move {
                            structures.await.into_iter()
                                .map(|s| view! { <option value=s.id.to_string()>{s.name}</option> })
                                .collect_view()
                        })}
                    </Suspense>
                </select>
                <Field id="new_structure" label="Autre structure" name="input[new_structure]" autocomplete="organization"/>
                <div class="consent">
                    <input type="checkbox" id="consent" name="input[consent]" required/>
                    <label for="consent" class="inline">
                        "J’accepte que mes données soient utilisées pour organiser ma formation et établir les indicateurs anonymes du CLSM, "
                        "comme l’explique la page "<A href="/confidentialite">"Données personnelles"</A>"."
                    </label>
                </div>
                <p><button type="submit">"Créer un compte"</button></p>
            </ActionForm>
            <p>"Déjà un compte ? "<A href="/connexion">"Se connecter"</A></p>
        </section>
    }
}
