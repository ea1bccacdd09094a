//! « Planifier une session » and « Modifier la session », for trainers and
//! the coordinator; the server checks who may do either.

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::fields::SessionFields;
use crate::error::AppError;
use crate::forms::ActionError;
use crate::params::route_id;
use crate::sessions::api::{CreateSession, UpdateSession, get_session, session_form_options};
use crate::sessions::rules::Status;
use crate::sessions::rules::changes::REASON_MAX_CHARS;
use crate::sessions::types::SessionForm;

#[component]
pub fn NewSessionPage() -> impl IntoView {
    let create = ServerAction::<CreateSession>::new();
    let options = Resource::new(|| (), |_| session_form_options());
    let year = chrono::Utc::now().format("%Y").to_string();
    view! {
        <Title text="Planifier une session"/>
        <section class="page narrow">
            <h1>"Planifier une session"</h1>
            <ActionError result=Signal::derive(move || create.value().get().map(|r| r.map(|_| ())))/>
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
                {move || {
                    let year = year.clone();
                    Suspend::new(async move {
                        options.await.map(|options| view! {
                            <ActionForm action=create>
                                <SessionFields options values=SessionForm {
                                    capacity: "12".into(),
                                    programme_year: year,
                                    mode: "presentiel".into(),
                                    ..Default::default()
                                }/>
                                <p><button type="submit">"Planifier la session"</button></p>
                            </ActionForm>
                        })
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
pub fn EditSessionPage() -> impl IntoView {
    let update = ServerAction::<UpdateSession>::new();
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("id"),
        |id| async move {
            let detail = get_session(route_id(id)?).await?;
            let form = detail.form.ok_or(AppError::Forbidden)?;
            let held = detail.summary.status == Status::Held;
            Ok::<_, AppError>((
                form,
                session_form_options().await?,
                detail.summary.title,
                held,
            ))
        },
    );
    view! {
        <Title text="Modifier la session"/>
        <section class="page narrow">
            <ActionError result=Signal::derive(move || update.value().get().map(|r| r.map(|_| ())))/>
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    data.await.map(|(values, options, title, held)| {
                        let back = format!("/sessions/{}", values.session_id);
                        view! {
                            <nav aria-label="Fil d’Ariane" class="breadcrumb">
                                <a href="/sessions">"Sessions"</a>" › "<a href=back>{title.clone()}</a>
                            </nav>
                            <h1>{format!("Modifier « {title} »")}</h1>
                            {held.then(|| view! {
                                <p class="notice">"Cette session est réalisée : la correction est enregistrée dans le journal avec son motif. Une demi-journée qui a des émargements ne peut être ni supprimée ni déplacée."</p>
                            })}
                            <ActionForm action=update>
                                <SessionFields options values/>
                                {held.then(|| view! {
                                    <label for="correction_reason">"Motif de la correction (obligatoire)"</label>
                                    <textarea id="correction_reason" name="input[correction_reason]" rows="3" required maxlength=REASON_MAX_CHARS></textarea>
                                })}
                                <p><button type="submit">{if held { "Enregistrer la correction" } else { "Enregistrer les modifications" }}</button></p>
                            </ActionForm>
                        }
                    })
                })}
            </Suspense>
        </section>
    }
}
