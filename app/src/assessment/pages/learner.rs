//! The learner's page of one session (`/sessions/<id>/auto-evaluation`): the
//! questionnaire open now, where each phase stands, and their own answers
//! before and after per item.

use crate::layout::Title;
use leptos::prelude::*;

use super::fields::ItemFields;
use super::session_id;
use crate::assessment::api::{SubmitQuestionnaire, learner_view};
use crate::assessment::rules::Phase;
use crate::assessment::types::{LearnerView, OwnResult, PhaseState, QuestionnaireForm};
use crate::error::AppError;
use crate::forms::ActionError;

#[component]
pub fn LearnerAssessmentPage() -> impl IntoView {
    let id = session_id();
    let submit = ServerAction::<SubmitQuestionnaire>::new();
    let data = Resource::new(
        move || (id.get(), submit.version().get()),
        |(id, _)| async move {
            match id {
                Some(id) => learner_view(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                data.await.map(|v| view! { <Body view=v submit/> })
            })}
        </Suspense>
    }
}

fn state_label(state: PhaseState) -> &'static str {
    match state {
        PhaseState::NotYet => "pas encore ouverte",
        PhaseState::Open => "ouverte",
        PhaseState::Answered => "répondue",
        PhaseState::Closed => "close",
    }
}

fn intro(phase: Phase) -> &'static str {
    match phase {
        Phase::Before => {
            "Avant la formation, situez-vous pour chaque affirmation, de 1 (pas du tout) à 5 (tout à fait). Il n’y a pas de bonne ou de mauvaise réponse."
        }
        Phase::After => {
            "Après la formation, situez-vous de nouveau pour chaque affirmation, de 1 (pas du tout) à 5 (tout à fait)."
        }
        Phase::Retrospective => {
            "Avec le recul : avant la formation, je me situais à… Ce regard rétrospectif est facultatif et reste séparé de votre auto-évaluation « avant »."
        }
        Phase::Hot => {
            "Votre avis sur la formation, juste après l’avoir suivie. Il est présenté aux formateurs sans votre nom."
        }
        Phase::Cold => {
            "Trois mois après la formation : qu’avez-vous fait de ce que vous avez appris ? Vos réponses sont présentées aux formateurs sans votre nom."
        }
    }
}

#[component]
fn Body(view: LearnerView, submit: ServerAction<SubmitQuestionnaire>) -> impl IntoView {
    let title = format!("Questionnaires — {}", view.session_title);
    view! {
        <Title text=title.clone()/>
        <section class="page narrow">
            <nav aria-label="Fil d’Ariane" class="breadcrumb">
                <a href=format!("/sessions/{}", view.session_id)>{view.session_title.clone()}</a>
            </nav>
            <h1>{title}</h1>
            <ul>
                {view.phases.iter().map(|p| view! {
                    <li>{format!("{} : {}", p.phase.label(), state_label(p.state))}</li>
                }).collect_view()}
            </ul>
            <ActionError result=Signal::derive(move || submit.value().get())/>
            {view.form.clone().map(|form| view! { <FormView form session_id=view.session_id submit/> })}
            <Results rows=view.results.clone()/>
        </section>
    }
}

#[component]
fn FormView(
    form: QuestionnaireForm,
    session_id: i32,
    submit: ServerAction<SubmitQuestionnaire>,
) -> impl IntoView {
    view! {
        <h2>{form.phase.label()}</h2>
        <p>{intro(form.phase)}</p>
        <ActionForm action=submit>
            <input type="hidden" name="input[session_id]" value=session_id/>
            <input type="hidden" name="input[phase]" value=form.phase.code()/>
            <input type="hidden" name="input[questionnaire_id]" value=form.questionnaire_id/>
            {form.items.into_iter().map(|item| view! { <ItemFields item/> }).collect_view()}
            <div class="form-actions">
                <button type="submit">"Envoyer mes réponses"</button>
            </div>
            <p class="field-hint">"Une fois envoyées, vos réponses ne peuvent plus être modifiées."</p>
        </ActionForm>
    }
}

fn value(v: Option<i32>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| format!("{v} sur 5"))
}

#[component]
fn Results(rows: Vec<OwnResult>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>"Vous n’avez encore répondu à aucune auto-évaluation."</p> }.into_any();
    }
    let retro = rows.iter().any(|r| r.retrospective.is_some());
    view! {
        <div class="table-scroll">
            <table>
                <caption>"Mon auto-évaluation, avant et après"</caption>
                <thead><tr>
                    <th scope="col">"Affirmation"</th>
                    <th scope="col">"Avant"</th>
                    <th scope="col">"Après"</th>
                    {retro.then(|| view! { <th scope="col">"Avec le recul, avant"</th> })}
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>
                            <th scope="row">{r.prompt}</th>
                            <td>{value(r.before)}</td>
                            <td>{value(r.after)}</td>
                            {retro.then(|| view! { <td>{value(r.retrospective)}</td> })}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
