//! A module's page: objectives, lessons with the reader's progress, quizzes and
//! resources. Drafts appear (marked) only for the people who write them.

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::catalogue::api::get_module;
use crate::catalogue::types::{ModuleDetail, format_duration};

#[component]
pub fn ModulePage() -> impl IntoView {
    let params = use_params_map();
    let module = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        get_module,
    );
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                module.await.map(|m| view! { <ModuleView module=m/> })
            })}
        </Suspense>
    }
}

#[component]
fn ModuleView(module: ModuleDetail) -> impl IntoView {
    let done = module.lessons_done();
    let total = module.lessons.len();
    let slug = module.facts.slug.clone();
    view! {
        <Title text=module.facts.title.clone()/>
        <section class="page">
            <nav aria-label="Fil d’Ariane" class="breadcrumb">
                <a href="/formations">"Les formations"</a>
            </nav>
            <h1>{module.facts.title.clone()}{(!module.facts.published).then_some(" (brouillon)")}</h1>
            <p class="lead">{module.facts.summary.clone()}</p>
            <dl class="facts">
                <dt>"Durée"</dt><dd>{format_duration(module.facts.duration_minutes)}</dd>
                <dt>"Public"</dt><dd>{module.facts.audience.clone()}</dd>
                <dt>"Prérequis"</dt><dd>{module.facts.prerequisites.clone()}</dd>
            </dl>
            <h2>"Objectifs"</h2>
            <p>"À l’issue du module, vous serez capable de :"</p>
            <ul>{module.objectives.iter().map(|o| view! { <li>{o.clone()}</li> }).collect_view()}</ul>

            <h2>"Leçons"</h2>
            {module.signed_in.then(|| view! {
                <p>
                    <label for="progression">{format!("Votre progression : {done} leçon(s) terminée(s) sur {total}")}</label>
                    " "
                    <progress id="progression" max=total.max(1) value=done>{format!("{done} sur {total}")}</progress>
                </p>
            })}
            {(!module.signed_in).then(|| view! {
                <p><a href="/connexion">"Connectez-vous"</a>" pour lire les leçons et suivre votre progression."</p>
            })}
            <ol class="lesson-list">
                {module.lessons.iter().map(|l| {
                    let href = format!("/formations/{}/lecons/{}", slug, l.id);
                    view! {
                        <li>
                            <a href=href>{l.title.clone()}</a>
                            <span class="card__meta">{format!(" · {}", format_duration(l.estimated_minutes))}</span>
                            {(!l.published).then_some(view! { <span class="badge">"brouillon"</span> })}
                            {l.done.then_some(view! { <span class="badge badge--done">"terminée"</span> })}
                        </li>
                    }
                }).collect_view()}
            </ol>

            {(!module.quizzes.is_empty()).then(|| view! {
                <h2>"Quiz"</h2>
                <ul>
                    {module.quizzes.iter().map(|q| view! {
                        <li>
                            <a href=format!("/quiz/{}", q.id)>{q.title.clone()}</a>
                            {(!q.published).then_some(view! { <span class="badge">"brouillon"</span> })}
                            {module.author.then(|| view! {
                                " · "<a href=format!("/quiz/{}/resultats", q.id)>{format!("Résultats et progression de vos groupes ({})", q.title)}</a>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            })}

            {(!module.resources.is_empty()).then(|| view! {
                <h2>"Ressources"</h2>
                <ul class="resource-list">
                    {module.resources.iter().map(|r| view! {
                        <li>
                            <span class="badge">{r.kind_label()}</span>" "
                            {match r.url.clone() {
                                Some(url) => view! { <a href=url>{r.title.clone()}</a> }.into_any(),
                                None => view! { <strong>{r.title.clone()}</strong> }.into_any(),
                            }}
                            <p>{r.description.clone()}</p>
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}
