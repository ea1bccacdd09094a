//! The three lists of a module's page: lessons, resources and quizzes, each
//! with its controls and the form that adds one more.

use leptos::prelude::*;

use super::controls::{MoveButtons, PublishToggle, State, failure};
use crate::authoring::api::{
    CreateLesson, CreateQuiz, CreateResource, DeleteResource, MoveItem, Publish, UpdateModule,
};
use crate::authoring::rules::fields::RESOURCE_KINDS;
use crate::authoring::types::{LessonItem, QuizItem};
use crate::catalogue::{ResourceLink, format_duration};
use crate::forms::{ActionError, Field};

/// The actions of the module page, created once so that each refreshes the
/// outline; the lists below the module's fields post through them.
#[derive(Clone, Copy)]
pub struct ModuleActions {
    pub update: ServerAction<UpdateModule>,
    pub publish: ServerAction<Publish>,
    pub shift: ServerAction<MoveItem>,
    pub new_lesson: ServerAction<CreateLesson>,
    pub new_resource: ServerAction<CreateResource>,
    pub delete_resource: ServerAction<DeleteResource>,
    pub new_quiz: ServerAction<CreateQuiz>,
}

/// A list's heading, and what to say when it is empty.
#[component]
fn ListHeading(
    id: &'static str,
    title: &'static str,
    empty: Option<&'static str>,
) -> impl IntoView {
    view! {
        <h2 id=id>{title}</h2>
        {empty.map(|text| view! { <p>{text}</p> })}
    }
}

#[component]
pub fn LessonList(
    module_id: i32,
    lessons: Vec<LessonItem>,
    actions: ModuleActions,
) -> impl IntoView {
    let count = lessons.len();
    view! {
        <ListHeading id="lecons" title="Leçons" empty=(count == 0).then_some("Aucune leçon pour l’instant.")/>
        <ol class="authoring-list" aria-labelledby="lecons">
            {lessons.into_iter().enumerate().map(|(i, LessonItem { link: l, archived })| view! {
                <ItemRow href=format!("/atelier/lecons/{}", l.id) title=l.title.clone()
                    meta=format!(" · {} ", format_duration(l.estimated_minutes)) published=l.published archived>
                    {(!archived).then(|| view! {
                        <PublishToggle action=actions.publish target="lesson" id=l.id published=l.published name=l.title.clone()/>
                    })}
                    <MoveButtons action=actions.shift target="lesson" id=l.id first=i == 0 last=i + 1 == count name=l.title.clone()/>
                </ItemRow>
            }).collect_view()}
        </ol>
        <h3 id="nouvelle-lecon">"Nouvelle leçon"</h3>
        <ActionForm action=actions.new_lesson attr:aria-labelledby="nouvelle-lecon">
            <NewItemFields module_id id="lecon-titre" label="Titre de la leçon"/>
            <Field id="lecon-duree" label="Durée estimée (en minutes)" name="input[estimated_minutes]" kind="number" required=true value="15"/>
            <p><button type="submit">"Créer la leçon"</button></p>
        </ActionForm>
        <ActionError result=failure(actions.new_lesson.value())/>
    }
}

#[component]
pub fn ResourceList(
    module_id: i32,
    resources: Vec<ResourceLink>,
    actions: ModuleActions,
) -> impl IntoView {
    let count = resources.len();
    view! {
        <ListHeading id="ressources" title="Ressources" empty=(count == 0).then_some("Aucune ressource pour l’instant.")/>
        <ActionError result=actions.delete_resource.value()/>
        <ul class="authoring-list" aria-labelledby="ressources">
            {resources.into_iter().enumerate().map(|(i, r)| {
                let kind = RESOURCE_KINDS.iter().find(|(c, _)| *c == r.kind).map_or("Lien", |(_, l)| *l);
                view! {
                    <li>
                        <span class="badge">{kind}</span>" "
                        <strong>{r.title.clone()}</strong>
                        {r.url.clone().map(|u| view! { " · "<a href=u.clone()>{u.clone()}</a> })}
                        {(!r.description.is_empty()).then(|| view! { <p>{r.description.clone()}</p> })}
                        <div class="authoring-list__controls">
                            <MoveButtons action=actions.shift target="resource" id=r.id first=i == 0 last=i + 1 == count name=r.title.clone()/>
                            <ActionForm action=actions.delete_resource attr:class="inline-form">
                                <input type="hidden" name="resource_id" value=r.id/>
                                <button type="submit" class="button--secondary">
                                    "Supprimer"<span class="visually-hidden">{format!(" « {} »", r.title)}</span>
                                </button>
                            </ActionForm>
                        </div>
                    </li>
                }
            }).collect_view()}
        </ul>
        <h3 id="nouvelle-ressource">"Ajouter une ressource"</h3>
        <ActionForm action=actions.new_resource attr:aria-labelledby="nouvelle-ressource">
            <input type="hidden" name="input[module_id]" value=module_id/>
            <label for="ressource-type">"Type (obligatoire)"</label>
            <select id="ressource-type" name="input[kind]">
                {RESOURCE_KINDS.iter().map(|(code, label)| view! { <option value=*code>{*label}</option> }).collect_view()}
            </select>
            <Field id="ressource-titre" label="Titre" name="input[title]" required=true/>
            <Field id="ressource-adresse" label="Adresse" name="input[url]" kind="url"
                hint="https://…, mailto:… ou tel:… ; facultative pour un contact."/>
            <label for="ressource-description">"Description"</label>
            <textarea id="ressource-description" name="input[description]" rows="2"></textarea>
            <p><button type="submit">"Ajouter la ressource"</button></p>
        </ActionForm>
        <ActionError result=failure(actions.new_resource.value())/>
    }
}

#[component]
pub fn QuizList(module_id: i32, quizzes: Vec<QuizItem>, actions: ModuleActions) -> impl IntoView {
    view! {
        <h2 id="quiz">"Quiz"</h2>
        {quizzes.is_empty().then(|| view! { <p>"Aucun quiz pour l’instant."</p> })}
        <ul class="authoring-list" aria-labelledby="quiz">
            {quizzes.into_iter().map(|q| view! {
                <ItemRow href=format!("/atelier/quiz/{}", q.id) title=q.title.clone()
                    meta=format!(" · {} question(s) ", q.questions) published=q.published archived=q.archived>
                    {(!q.archived).then(|| view! {
                        <PublishToggle action=actions.publish target="quiz" id=q.id published=q.published name=q.title.clone()/>
                    })}
                </ItemRow>
            }).collect_view()}
        </ul>
        <h3 id="nouveau-quiz">"Nouveau quiz"</h3>
        <ActionForm action=actions.new_quiz attr:aria-labelledby="nouveau-quiz">
            <NewItemFields module_id id="quiz-titre" label="Titre du quiz"/>
            <p class="field-hint">"Le quiz est créé en brouillon, avec un seuil de réussite de 70 % que vous pourrez modifier."</p>
            <p><button type="submit">"Créer le quiz"</button></p>
        </ActionForm>
        <ActionError result=failure(actions.new_quiz.value())/>
    }
}

/// A lesson or a quiz in its list: its link, a detail, its state and its controls.
#[component]
fn ItemRow(
    href: String,
    title: String,
    meta: String,
    published: bool,
    archived: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <li>
            <a href=href>{title}</a>
            <span class="card__meta">{meta}</span>
            <State published archived/>
            <div class="authoring-list__controls">{children()}</div>
        </li>
    }
}

/// The first fields of the form that adds a lesson or a quiz: its module and its title.
#[component]
fn NewItemFields(module_id: i32, id: &'static str, label: &'static str) -> impl IntoView {
    view! {
        <input type="hidden" name="input[module_id]" value=module_id/>
        <Field id label name="input[title]" required=true/>
    }
}
