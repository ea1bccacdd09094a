//! `/atelier/quiz/:id`: a quiz's settings, its questions (with their answers,
//! for authors only) and the question form. `?question=ID` loads a question in
//! the form for editing, so that « Modifier » is a plain link.

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::controls::{ModuleTrail, MoveButtons, State};
use super::notices::WorkshopNotices;
use super::question_form::QuestionForm;
use super::removal::RemovalSection;
use crate::authoring::api::{DeleteQuestion, MoveItem, SaveQuestion, UpdateQuiz, quiz_outline};
use crate::authoring::types::QuizOutline;
use crate::forms::{ActionError, Field};
use crate::params::route_id;
use crate::quiz::rules::grading::QuestionKind;
use crate::quiz::types::kind_label;

#[derive(Clone, Copy)]
struct QuizActions {
    update: ServerAction<UpdateQuiz>,
    save: ServerAction<SaveQuestion>,
    delete: ServerAction<DeleteQuestion>,
    shift: ServerAction<MoveItem>,
}

#[component]
pub fn QuizEditPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let actions = QuizActions {
        update: ServerAction::new(),
        save: ServerAction::new(),
        delete: ServerAction::new(),
        shift: ServerAction::new(),
    };
    let quiz = Resource::new(
        move || {
            (
                params.read().get("id"),
                actions.update.version().get(),
                actions.save.version().get(),
                actions.delete.version().get(),
                actions.shift.version().get(),
            )
        },
        |(id, ..)| async move { quiz_outline(route_id(id)?).await },
    );
    let editing = move || {
        query
            .read()
            .get("question")
            .and_then(|id| id.parse::<i32>().ok())
    };
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                let editing = editing();
                quiz.await.map(|quiz| view! { <QuizEditor quiz editing actions/> })
            })}
        </Suspense>
    }
}

#[component]
fn QuizEditor(quiz: QuizOutline, editing: Option<i32>, actions: QuizActions) -> impl IntoView {
    let count = quiz.questions.len();
    let objective = |id: Option<i32>| {
        quiz.objectives
            .iter()
            .find(|o| Some(o.id) == id)
            .map_or_else(|| "aucun".to_owned(), |o| o.label.clone())
    };
    let editing = editing.and_then(|id| quiz.questions.iter().find(|q| q.id == id).cloned());
    let removal_name = quiz.title.clone();
    view! {
        <Title text=format!("Atelier · {}", quiz.title)/>
        <section class="page">
            <ModuleTrail module_id=quiz.module_id module_title=quiz.module_title.clone()/>
            <h1>{quiz.title.clone()}</h1>
            <WorkshopNotices/>
            <p><State published=quiz.published archived=quiz.archived/>" La publication se décide dans la liste des quiz du module. "
                <a href=format!("/quiz/{}", quiz.id)>"Voir le quiz comme une personne en formation"</a></p>

            <h2 id="reglages">"Réglages"</h2>
            <ActionForm action=actions.update attr:aria-labelledby="reglages">
                <input type="hidden" name="input[id]" value=quiz.id/>
                <Field id="quiz-titre" label="Titre" name="input[title]" required=true value=quiz.title.clone()/>
                <Field id="seuil" label="Seuil de réussite (en %)" name="input[pass_mark_percent]" kind="number" required=true value=quiz.pass_mark_percent.to_string()/>
                <Field id="tentatives" label="Nombre de tentatives" name="input[max_attempts]" kind="number"
                    hint="Laissez vide pour un nombre illimité." value=quiz.max_attempts.map(|n| n.to_string()).unwrap_or_default()/>
                <Field id="limite" label="Durée limite (en minutes)" name="input[time_limit_minutes]" kind="number"
                    hint="Laissez vide pour ne pas limiter la durée." value=quiz.time_limit_minutes.map(|n| n.to_string()).unwrap_or_default()/>
                <p class="consent">
                    <input type="checkbox" id="melange" name="input[shuffle]" value="true" checked=quiz.shuffle/>
                    <label for="melange" class="inline">"Mélanger les questions et les choix à chaque tentative"</label>
                </p>
                <p><button type="submit">"Enregistrer les réglages"</button></p>
            </ActionForm>
            <ActionError result=actions.update.value()/>

            <h2 id="questions">"Questions"</h2>
            <ActionError result=actions.delete.value()/>
            <ActionError result=actions.shift.value()/>
            {(count == 0).then(|| view! { <p>"Aucune question pour l’instant : ajoutez-en avec le formulaire ci-dessous."</p> })}
            <ol class="authoring-list" aria-labelledby="questions">
                {quiz.questions.clone().into_iter().enumerate().map(|(i, q)| {
                    let kind = QuestionKind::from_code(&q.kind).map_or("?", kind_label);
                    let objective = objective(q.objective_id);
                    let name = format!("question {}", i + 1);
                    view! {
                        <li>
                            <p><strong>{q.prompt.clone()}</strong></p>
                            <p class="card__meta">
                                {format!("{kind} · {} point(s) · objectif : {}", q.points, objective)}
                                {q.answered.then_some(" · déjà répondue (type et réponses figés)")}
                            </p>
                            <pre class="answers">{q.answers.clone()}</pre>
                            <div class="authoring-list__controls">
                                <a class="button button--secondary" href=format!("/atelier/quiz/{}?question={}#question-form", quiz.id, q.id)>
                                    "Modifier"<span class="visually-hidden">{format!(" la {name}")}</span>
                                </a>
                                <MoveButtons action=actions.shift target="question" id=q.id first=i == 0 last=i + 1 == count name=name.clone()/>
                                {(!q.answered).then(move || view! {
                                    <ActionForm action=actions.delete attr:class="inline-form">
                                        <input type="hidden" name="question_id" value=q.id/>
                                        <button type="submit" class="button--secondary">
                                            "Supprimer"<span class="visually-hidden">{format!(" la {name}")}</span>
                                        </button>
                                    </ActionForm>
                                })}
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ol>

            <QuestionForm quiz_id=quiz.id objectives=quiz.objectives.clone() question=editing save=actions.save/>
            <RemovalSection target="quiz" id=quiz.id archived=quiz.archived name=removal_name/>
        </section>
    }
}
