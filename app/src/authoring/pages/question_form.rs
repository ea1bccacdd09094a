//! The question form: kind, prompt, feedback, objective, points and the answers
//! typed one per line, with the format of each kind spelled out beside it.

use leptos::prelude::*;

use crate::authoring::api::SaveQuestion;
use crate::authoring::rules::answers_format::hint;
use crate::authoring::types::{ObjectiveItem, QuestionDraft};
use crate::forms::ActionError;
use crate::quiz::rules::grading::QuestionKind;
use crate::quiz::types::kind_label;

#[component]
pub fn QuestionForm(
    quiz_id: i32,
    objectives: Vec<ObjectiveItem>,
    question: Option<QuestionDraft>,
    save: ServerAction<SaveQuestion>,
) -> impl IntoView {
    let title = if question.is_some() {
        "Modifier la question"
    } else {
        "Nouvelle question"
    };
    let q = question.clone();
    let kind = q
        .as_ref()
        .map_or("single_choice".to_owned(), |q| q.kind.clone());
    let objective = q.as_ref().and_then(|q| q.objective_id);
    let frozen = q.as_ref().is_some_and(|q| q.answered);
    view! {
        <h2 id="question-form" tabindex="-1">{title}</h2>
        {frozen.then(|| view! {
            <p class="notice">"Des personnes ont déjà répondu à cette question : seuls l’énoncé, le commentaire et l’objectif peuvent encore changer."</p>
        })}
        <ActionForm action=save attr:aria-labelledby="question-form">
            <input type="hidden" name="input[quiz_id]" value=quiz_id/>
            {q.as_ref().map(|q| view! { <input type="hidden" name="input[id]" value=q.id/> })}
            <label for="question-type">"Type (obligatoire)"</label>
            <select id="question-type" name="input[kind]">
                {QuestionKind::ALL.into_iter().map(|k| view! {
                    <option value=k.code() selected=k.code() == kind>{kind_label(k)}</option>
                }).collect_view()}
            </select>
            <label for="question-enonce">"Énoncé (obligatoire)"</label>
            <textarea id="question-enonce" name="input[prompt]" rows="3" required=true>
                {q.as_ref().map(|q| q.prompt.clone())}
            </textarea>
            <label for="question-reponses">"Réponses (obligatoire)"</label>
            <div class="field-hint" id="question-reponses-aide">
                <p>"Une réponse par ligne, selon le type :"</p>
                <ul>
                    {QuestionKind::ALL.into_iter().map(|k| view! {
                        <li><strong>{kind_label(k)}</strong>" : "{hint(k)}</li>
                    }).collect_view()}
                </ul>
            </div>
            <textarea id="question-reponses" name="input[answers]" rows="6" required=true
                aria-describedby="question-reponses-aide">
                {q.as_ref().map(|q| q.answers.clone())}
            </textarea>
            <label for="question-commentaire">"Commentaire montré après la réponse"</label>
            <textarea id="question-commentaire" name="input[feedback]" rows="2">
                {q.as_ref().map(|q| q.feedback.clone())}
            </textarea>
            <label for="question-objectif">"Objectif évalué"</label>
            <select id="question-objectif" name="input[objective_id]">
                <option value="" selected=objective.is_none()>"Aucun"</option>
                {objectives.into_iter().map(|o| view! {
                    <option value=o.id.to_string() selected=objective == Some(o.id)>{o.label}</option>
                }).collect_view()}
            </select>
            <label for="question-points">"Points (de 1 à 10, obligatoire)"</label>
            <input id="question-points" type="number" name="input[points]" min="1" max="10" required=true
                value=q.as_ref().map_or(1, |q| q.points)/>
            <p>
                <button type="submit">"Enregistrer la question"</button>
                {question.is_some().then(|| view! {
                    " "<a href=format!("/atelier/quiz/{quiz_id}")>"Annuler la modification"</a>
                })}
            </p>
        </ActionForm>
        <ActionError result=save.value()/>
    }
}
