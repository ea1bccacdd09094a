//! The year's programme: a count per module beside the sessions already held
//! and to come, a note, and the other years one link away. A past year reads
//! only. The form posts without JavaScript and redirects back here.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::forms::ActionError;
use crate::layout::Title;
use crate::programme::api::{SaveProgramme, read_programme};
use crate::programme::rules::{MAX_PLANNED, NOTE_MAX_CHARS};
use crate::programme::types::{Programme, planned_key};

#[component]
pub fn ProgrammePage() -> impl IntoView {
    let query = use_query_map();
    let save = ServerAction::<SaveProgramme>::new();
    let year = move || {
        query
            .read()
            .get("annee")
            .and_then(|y| y.parse::<i32>().ok())
    };
    let saved_without_js = move || query.read().get("enregistre").is_some();
    let data = Resource::new(
        move || (year(), save.version().get()),
        |(year, _)| read_programme(year),
    );
    view! {
        <Title text="Programme de l’année"/>
        <section class="page">
            <h1>"Programme de l’année"</h1>
            <p class="lead">
                "Le nombre de sessions prévues par module : les indicateurs et « Mon espace » comparent les sessions réalisées à ce programme."
            </p>
            <div aria-live="polite">
                {move || {
                    let ok = matches!(save.value().get(), Some(Ok(_)))
                        || (save.value().get().is_none() && saved_without_js());
                    ok.then(|| view! { <p class="notice notice--ok">"Programme enregistré."</p> })
                }}
            </div>
            <ActionError result=Signal::derive(move || save.value().get().map(|r| r.map(|_| ())))/>
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    data.await.map(|p| view! { <YearView p save/> })
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn YearView(p: Programme, save: ServerAction<SaveProgramme>) -> impl IntoView {
    let year = p.year;
    view! {
        <nav aria-label="Années du programme">
            <ul class="year-links">
                {p.years.iter().map(|y| {
                    let current = (*y == year).then_some("page");
                    view! {
                        <li><a href=format!("/coordination/programme?annee={y}") aria-current=current>{y.to_string()}</a></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
        <h2>{format!("Programme {year}")}</h2>
        {p.updated.clone().map(|u| view! { <p class="card__meta">{format!("Dernière modification {u}.")}</p> })}
        {if p.editable {
            view! { <PlanForm p save/> }.into_any()
        } else {
            view! { <PlanTable p/> }.into_any()
        }}
    }
}

/// A closed year: the figures as they were planned.
#[component]
fn PlanTable(p: Programme) -> impl IntoView {
    view! {
        <p>{format!("L’année {} est close : son programme ne se modifie plus.", p.year)}</p>
        <div class="table-scroll">
            <table>
                <caption>{format!("Sessions prévues et réalisées en {}", p.year)}</caption>
                <thead><tr>
                    <th scope="col">"Module"</th>
                    <th scope="col">"Au programme"</th>
                    <th scope="col">"Réalisées"</th>
                </tr></thead>
                <tbody>
                    {p.lines.into_iter().map(|l| view! {
                        <tr>
                            <th scope="row">{l.title}</th>
                            <td>{l.planned}</td>
                            <td>{l.held}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(!p.note.is_empty()).then(|| view! { <h3>"Note"</h3><p class="prose">{p.note.clone()}</p> })}
    }
}

/// This year or a coming one: one number per module, and the note.
#[component]
fn PlanForm(p: Programme, save: ServerAction<SaveProgramme>) -> impl IntoView {
    let empty = p.lines.is_empty();
    view! {
        <ActionForm action=save attr:aria-labelledby="programme-form-titre">
            <h3 id="programme-form-titre">{format!("Sessions prévues en {}", p.year)}</h3>
            <input type="hidden" name="input[year]" value=p.year.to_string()/>
            {empty.then(|| view! {
                <p>"Aucun module n’est encore publié : publiez d’abord un module dans l’Atelier."</p>
            })}
            {p.lines.into_iter().map(|l| {
                let id = format!("prevu-{}", l.module_id);
                let hint_id = format!("{id}-aide");
                let name = format!("input[planned][{}]", planned_key(l.module_id));
                view! {
                    <label for=id.clone()>{format!("{} : sessions prévues", l.title)}</label>
                    <p class="field-hint" id=hint_id.clone()>
                        {format!("Déjà réalisées : {} · encore prévues au calendrier : {}", l.held, l.scheduled)}
                    </p>
                    <input
                        id=id
                        name=name
                        type="number"
                        min="0"
                        max=MAX_PLANNED.to_string()
                        step="1"
                        inputmode="numeric"
                        value=l.planned.to_string()
                        aria-describedby=hint_id
                    />
                }
            }).collect_view()}
            <label for="programme-note">"Note (facultative)"</label>
            <p class="field-hint" id="programme-note-aide">
                {format!("Ce qui explique le programme : financements, priorités, partenaires… ({NOTE_MAX_CHARS} caractères au plus)")}
            </p>
            <textarea
                id="programme-note"
                name="input[note]"
                rows="4"
                maxlength=NOTE_MAX_CHARS.to_string()
                aria-describedby="programme-note-aide"
            >{p.note}</textarea>
            <p><button type="submit">"Enregistrer le programme"</button></p>
        </ActionForm>
    }
}
