//! A quiz's results for the trainer's cohorts (or everyone, for the coordinator),
//! one year at a time (a GET form, `?annee=`): one table per learner, 50 a page
//! (`?apres=`, plain links), one per question, and the year's CSV export.

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::layout::{Pager, TableFrame};
use crate::params::route_id;
use crate::quiz::api::quiz_results;
use crate::quiz::types::{QuizResults, format_percent};

#[component]
pub fn QuizResultsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let results = Resource::new(
        move || {
            let q = query.read();
            (params.read().get("id"), q.get("annee"), q.get("apres"))
        },
        |(id, year, after)| async move { quiz_results(route_id(id)?, year, after).await },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                results.await.map(|r| view! { <ResultsView results=r/> })
            })}
        </Suspense>
    }
}

#[component]
fn ResultsView(results: QuizResults) -> impl IntoView {
    let total = results.lessons_total;
    let base = format!("/quiz/{}/resultats?annee={}", results.quiz_id, results.year);
    let csv = format!(
        "/exports/quiz/{}/resultats.csv?annee={}",
        results.quiz_id, results.year
    );
    let caption = if results.later_page || results.next.is_some() {
        format!(
            "Par personne ({}, {} sur cette page)",
            results.learners_total,
            results.learners.len()
        )
    } else {
        format!("Par personne ({})", results.learners_total)
    };
    view! {
        <Title text=format!("Résultats — {}", results.quiz_title)/>
        <section class="page">
            <h1>{format!("Résultats — {}", results.quiz_title)}</h1>
            <p>{format!("Module « {} ». Sont comptées {}.", results.module_title, results.scope)}</p>
            <Form method="GET" action="">
                <label for="resultats-annee">"Année des tentatives"</label>
                <select id="resultats-annee" name="annee">
                    {results.years.iter().map(|y| view! {
                        <option value=*y selected=*y == results.year>{*y}</option>
                    }).collect_view()}
                </select>
                " "
                <button type="submit">"Afficher"</button>
            </Form>
            <p><a href=csv download="">{format!("Télécharger les résultats de {} (CSV)", results.year)}</a></p>
            <TableFrame caption=caption columns=&["Personne", "Structure", "Leçons terminées", "Tentatives", "Meilleur score", "Réussi"]>
                {results.learners.iter().map(|l| view! {
                    <tr>
                        <th scope="row">{l.name.clone()}</th>
                        <td>{l.structure.clone().unwrap_or_default()}</td>
                        <td>{format!("{} sur {total}", l.lessons_done)}</td>
                        <td>{l.attempts}</td>
                        <td>{l.best_percent.map(format_percent).unwrap_or_else(|| "—".into())}</td>
                        <td>{if l.passed { "oui" } else { "non" }}</td>
                    </tr>
                }).collect_view()}
            </TableFrame>
            <Pager
                label="Pages de la liste des personnes"
                first=(base.clone(), "Premières personnes")
                next=results.next.map(|id| (format!("{base}&apres={id}"), "Personnes suivantes"))
                later_page=results.later_page
            />
            <TableFrame caption=format!("Par question (tentatives envoyées en {})", results.year) columns=&["N°", "Énoncé", "Objectif", "Réponses", "Bonnes réponses"]>
                {results.questions.iter().map(|q| view! {
                    <tr>
                        <th scope="row">{q.position}</th>
                        <td>{q.prompt.clone()}</td>
                        <td>{q.objective.clone().unwrap_or_default()}</td>
                        <td>{q.attempts}</td>
                        <td>{q.share_correct().map(format_percent).unwrap_or_else(|| "—".into())}</td>
                    </tr>
                }).collect_view()}
            </TableFrame>
        </section>
    }
}
