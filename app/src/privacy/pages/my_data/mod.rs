//! « Mes données » (`/mes-donnees/consulter`): everything Relais keeps about
//! the signed-in person, one section per kind (the sections of
//! `rules/inventory.rs`), readable, with the JSON download of the same
//! document (`/mes-donnees`) and what is kept for legal reasons until when.

mod sections;
mod values;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::error::AppError;
use crate::layout::{ProblemMessage, Title};
use crate::privacy::PersonalData;
use crate::privacy::api::my_data;
use crate::privacy::rules::inventory::heading;
use crate::privacy::rules::page_cap::SHOWN_PER_SECTION;
use sections::*;
use values::when;

#[component]
pub fn MyDataPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| my_data());
    view! {
        <Title text="Mes données"/>
        <section class="page">
            <h1>"Mes données"</h1>
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(d) => view! { <Everything data=d.data left_out=d.left_out/> }.into_any(),
                        Err(AppError::Unauthenticated) => view! {
                            <p>"Veuillez vous connecter pour consulter vos données."</p>
                            <p><A href="/connexion">"Se connecter"</A></p>
                        }.into_any(),
                        Err(error) => view! { <ProblemMessage error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Everything(data: PersonalData, left_out: Vec<(String, usize)>) -> impl IntoView {
    let PersonalData {
        generated_at,
        profile,
        enrolments,
        attendance,
        quiz_attempts,
        questionnaires,
        lessons_read,
        certificates,
        calendar_feeds,
        sign_in_sessions,
        links_sent,
        emails_received,
        journal,
        sessions_taught,
        retention,
    } = data;
    let section = move |key: &'static str, body: Option<AnyView>| {
        let extra = left_out
            .iter()
            .find(|(k, _)| k == key)
            .map_or(0, |(_, n)| *n);
        section(key, body, extra)
    };
    view! {
        <p class="lead">
            "Voici toutes les données que Relais conserve sur vous, par catégorie, au "
            {when(&generated_at)}". Les secrets (empreintes de vos liens, de vos connexions et de vos "
            "adresses d’agenda) ne sont jamais affichés ; les certificats se téléchargent depuis votre espace."
        </p>
        <p>
            <a class="button button--secondary" href="/mes-donnees" download="mes-donnees-relais.json">
                "Télécharger mes données (JSON)"
            </a>
        </p>
        <p>"Pour corriger vos informations ou demander l’effacement de votre compte : "
            <A href="/profil">"Mon profil"</A>"."</p>
        {section("profil", profile_view(profile))}
        {section("inscriptions", enrolments_view(enrolments))}
        {section("presences", attendance_view(attendance))}
        {section("quiz", quiz_view(quiz_attempts))}
        {section("questionnaires", questionnaires_view(questionnaires))}
        {section("lecons_lues", lessons_view(lessons_read))}
        {section("certificats", certificates_view(certificates))}
        {section("agendas", feeds_view(calendar_feeds))}
        {section("sessions_de_connexion", sign_ins_view(sign_in_sessions))}
        {section("liens_envoyes", links_view(links_sent))}
        {section("courriels_recus", emails_view(emails_received))}
        {section("journal", journal_view(journal))}
        {section("sessions_animees", taught_view(sessions_taught))}
        {section("conservation", retention_view(retention))}
    }
}

/// One kind of data: its heading (`rules/inventory.rs`) and `body`, or
/// « Aucune donnée. » when it has none; when `left_out` entries are only in
/// the download, says so.
fn section(key: &'static str, body: Option<AnyView>, left_out: usize) -> impl IntoView {
    let id = format!("donnees-{}", key.replace('_', "-"));
    let labelled_by = id.clone();
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=id>{heading(key).to_owned()}</h2>
            {(left_out > 0).then(|| view! {
                <p>{format!(
                    "Les {SHOWN_PER_SECTION} plus récentes sont affichées ; les {left_out} autres figurent dans le fichier JSON (« Télécharger mes données »)."
                )}</p>
            })}
            {body.unwrap_or_else(|| view! { <p>"Aucune donnée."</p> }.into_any())}
        </section>
    }
}
