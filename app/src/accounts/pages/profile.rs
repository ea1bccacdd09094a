//! « Mon profil »: edit one's details, download one's data, ask for erasure.

use crate::layout::Title;
use leptos::prelude::*;

use crate::accounts::api::{
    ChangeMyEmail, RequestErasure, ResendVerification, UpdateProfile, list_structures, my_profile,
};
use crate::accounts::rules::Sector;
use crate::forms::Field;
use crate::forms::FormOutcome;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let update = ServerAction::<UpdateProfile>::new();
    let erase = ServerAction::<RequestErasure>::new();
    let change_email = ServerAction::<ChangeMyEmail>::new();
    let resend = ServerAction::<ResendVerification>::new();
    let profile = Resource::new(
        move || {
            (
                update.version().get(),
                erase.version().get(),
                change_email.version().get(),
            )
        },
        |_| my_profile(),
    );
    let structures = Resource::new(
        || (),
        |_| async { list_structures().await.unwrap_or_default() },
    );
    view! {
        <Title text="Mon profil"/>
        <section class="page narrow">
            <h1>"Mon profil"</h1>
            <FormOutcome param="enregistre" text="Vos informations ont été enregistrées." result=update.value()/>
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    let structures = structures.await;
                    profile.await.map(|p| {
                        let sector = p.sector.clone().unwrap_or_default();
                        let structure = p.structure_id;
                        // The person's own structure stays choosable even when it is
                        // not offered any more (retired, or waiting for review).
                        let own = p.structure_id.zip(p.structure_name.clone())
                            .filter(|(id, _)| structures.iter().all(|s| s.id != *id));
                        view! {
                            <p>"Adresse e-mail : "<strong>{p.email.clone().unwrap_or_default()}</strong>
                                {if p.email_verified { " (confirmée)" } else { " (à confirmer)" }}</p>
                            <FormOutcome param="lien" text="Un nouveau lien de confirmation vient d’être envoyé à votre adresse." result=resend.value()/>
                            {(!p.email_verified).then(|| view! {
                                <p>"Ouvrez le lien envoyé à cette adresse pour la confirmer : tant qu’elle ne l’est pas, \
                                    vous ne pouvez pas vous inscrire vous-même à une session ni recevoir de certificat."</p>
                                <ActionForm action=resend>
                                    <p><button type="submit" class="button--secondary">"Recevoir un nouveau lien de confirmation"</button></p>
                                </ActionForm>
                            })}
                            <ActionForm action=update>
                                <Field id="display_name" label="Prénom et nom" name="input[display_name]" autocomplete="name"
                                    required=true value=p.display_name.clone()/>
                                <Field id="profession" label="Profession" name="input[profession]" autocomplete="organization-title"
                                    value=p.profession.clone().unwrap_or_default()/>
                                <label for="sector">"Secteur d’activité"</label>
                                <select id="sector" name="input[sector]">
                                    <option value="">"Non précisé"</option>
                                    {Sector::ALL.iter().map(|s| view! {
                                        <option value=s.code() selected=sector == s.code()>{s.label()}</option>
                                    }).collect_view()}
                                </select>
                                <label for="structure_id">"Structure"</label>
                                <select id="structure_id" name="input[structure_id]">
                                    <option value="">"Non précisée"</option>
                                    {own.map(|(id, name)| view! { <option value=id.to_string() selected=true>{name}</option> })}
                                    {structures.iter().map(|s| view! {
                                        <option value=s.id.to_string() selected=structure == Some(s.id)>{s.name.clone()}</option>
                                    }).collect_view()}
                                </select>
                                <p><button type="submit">"Enregistrer"</button></p>
                            </ActionForm>
                            <h2>"Changer d’adresse e-mail"</h2>
                            <p>"Votre ancienne et votre nouvelle adresse recevront chacune un message. Vous restez connecté·e."</p>
                            <FormOutcome param="adresse" text="Votre adresse e-mail a été modifiée." result=change_email.value()/>
                            <ActionForm action=change_email>
                                <Field id="new_email" label="Nouvelle adresse e-mail" name="input[email]" kind="email"
                                    autocomplete="email" required=true/>
                                <Field id="email_password" label="Mot de passe actuel" name="input[password]" kind="password"
                                    autocomplete="current-password" required=true/>
                                <p><button type="submit">"Changer d’adresse e-mail"</button></p>
                            </ActionForm>
                            <h2>"Mes données"</h2>
                            <p>"Vous pouvez consulter toutes les données que Relais conserve sur vous, et les télécharger au format JSON."</p>
                            <p>
                                <a class="button button--secondary" href="/mes-donnees/consulter">"Consulter mes données"</a>" "
                                <a class="button button--secondary" href="/mes-donnees" download="mes-donnees-relais.json">"Télécharger mes données"</a>
                            </p>
                            <h2>"Effacer mon compte"</h2>
                            {if p.erasure_requested {
                                view! {
                                    <p class="notice" role="status">
                                        "Votre demande d’effacement a été transmise à la coordination, qui la confirmera."
                                    </p>
                                }.into_any()
                            } else {
                                view! {
                                    <p>"Votre demande sera confirmée par la coordination. Vos présences et certificats sont conservés "
                                       "pendant la durée légale, sous forme anonyme."</p>
                                    <ActionForm action=erase>
                                        <button type="submit" class="button--secondary">"Demander l’effacement de mon compte"</button>
                                    </ActionForm>
                                }.into_any()
                            }}
                        }
                    })
                })}
            </Suspense>
        </section>
    }
}
