//! `/atelier/modules/:id`: a module's fields and objectives, then its lessons,
//! resources and quizzes (see [`super::module_lists`]).

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::module_lists::{LessonList, ModuleActions, QuizList, ResourceList};
use super::notices::WorkshopNotices;
use super::removal::RemovalSection;
use crate::authoring::api::module_outline;
use crate::authoring::types::ModuleOutline;
use crate::forms::{ActionError, Field};
use crate::params::route_id;

#[component]
pub fn ModuleEditPage() -> impl IntoView {
    let params = use_params_map();
    let actions = ModuleActions {
        update: ServerAction::new(),
        publish: ServerAction::new(),
        shift: ServerAction::new(),
        new_lesson: ServerAction::new(),
        new_resource: ServerAction::new(),
        delete_resource: ServerAction::new(),
        new_quiz: ServerAction::new(),
    };
    let outline = Resource::new(
        move || {
            (
                params.read().get("id"),
                actions.update.version().get(),
                actions.publish.version().get(),
                actions.shift.version().get(),
                actions.new_resource.version().get(),
                actions.delete_resource.version().get(),
            )
        },
        |(id, ..)| async move { module_outline(route_id(id)?).await },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                outline.await.map(|module| view! { <ModuleEditor module actions/> })
            })}
        </Suspense>
    }
}

#[component]
fn ModuleEditor(module: ModuleOutline, actions: ModuleActions) -> impl IntoView {
    let objectives = module
        .objectives
        .iter()
        .map(|o| o.label.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let removal_name = module.facts.title.clone();
    view! {
        <Title text=format!("Atelier · {}", module.facts.title)/>
        <section class="page">
            <nav aria-label="Fil d’Ariane" class="breadcrumb">
                <a href="/atelier">"Atelier"</a>
            </nav>
            <h1>{module.facts.title.clone()}</h1>
            <WorkshopNotices/>
            <p>
                {match (module.archived, module.facts.published) {
                    (true, _) => "Ce module est archivé : invisible pour les personnes en formation et pour les nouvelles sessions",
                    (false, true) => "Ce module est publié",
                    (false, false) => "Ce module est un brouillon, invisible pour les personnes en formation",
                }}
                {format!(" · adresse : /formations/{}", module.facts.slug)}
                " · "<a href=format!("/formations/{}", module.facts.slug)>"Voir comme dans le catalogue"</a>
            </p>
            <ActionError result=actions.publish.value()/>
            <ActionError result=actions.shift.value()/>

            <h2 id="fiche">"Fiche du module"</h2>
            <ActionForm action=actions.update attr:aria-labelledby="fiche">
                <input type="hidden" name="input[id]" value=module.facts.id/>
                <Field id="titre" label="Titre" name="input[title]" required=true value=module.facts.title.clone()/>
                <label for="resume">"Résumé"</label>
                <textarea id="resume" name="input[summary]" rows="3">{module.facts.summary.clone()}</textarea>
                <Field id="duree" label="Durée (en minutes)" name="input[duration_minutes]" kind="number" required=true value=module.facts.duration_minutes.to_string()/>
                <label for="public">"Public"</label>
                <textarea id="public" name="input[audience]" rows="2">{module.facts.audience.clone()}</textarea>
                <label for="prerequis">"Prérequis"</label>
                <textarea id="prerequis" name="input[prerequisites]" rows="2">{module.facts.prerequisites.clone()}</textarea>
                <label for="objectifs">"Objectifs"</label>
                <p class="field-hint" id="objectifs-aide">"Un objectif par ligne. Modifier une ligne garde les questions qui y sont rattachées ; supprimer une ligne les détache."</p>
                <textarea id="objectifs" name="input[objectives]" rows="6" aria-describedby="objectifs-aide">{objectives}</textarea>
                <p><button type="submit">"Enregistrer la fiche"</button></p>
            </ActionForm>
            <ActionError result=actions.update.value()/>

            <LessonList module_id=module.facts.id lessons=module.lessons actions/>
            <ResourceList module_id=module.facts.id resources=module.resources actions/>
            <QuizList module_id=module.facts.id quizzes=module.quizzes actions/>
            <RemovalSection target="module" id=module.facts.id archived=module.archived name=removal_name/>
        </section>
    }
}
