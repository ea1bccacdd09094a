//! A quiz's results for the trainer's cohorts (or everyone, for the coordinator):
//! one table per learner, one per question, and the CSV export.

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::layout::TableFrame;
use crate::params::route_id;
use crate::quiz::api::quiz_results;
use crate::quiz::types::{QuizResults, format_percent};

#[component]
pub fn QuizResultsPage() -> impl IntoView {
    let params = use_params_map();
    let results = Resource::new(
        move || params.read().get("id"),
        |id| async move { quiz_results(route_id(id)?).await },
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
    view! {
        <Title text=format!("Résultats — {}", results.quiz_title)/>
        <section class="page">
            <h1>{format!("Résultats — {}", results.quiz_title)}</h1>
            <p>{format!("Module « {} ». Sont comptées {}.", results.module_title, results.scope)}</p>
            <p><a href=format!("/exports/quiz/{}/resultats.csv", results.quiz_id) download="">"Télécharger les résultats (CSV)"</a></p>
            <TableFrame caption=format!("Par personne ({})", results.learners.len()) columns=&["Personne", "Structure", "Leçons terminées", "Tentatives", "Meilleur score", "Réussi"]>
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
            <TableFrame caption="Par question (tentatives envoyées)" columns=&["N°", "Énoncé", "Objectif", "Réponses", "Bonnes réponses"]>
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
