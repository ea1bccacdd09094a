//! One question of an open attempt as plain form fields (see `quiz::form` for
//! the names), so that the quiz works without JavaScript. Saved answers are
//! filled back in.

use leptos::prelude::*;

use crate::quiz::form::{choice_name, match_name, rank_name, saved_rank, single_name};
use crate::quiz::grading::{QuestionKind, Response};
use crate::quiz::types::{QuestionSheet, kind_label};

fn field(name: String) -> String {
    format!("input[answers][{name}]")
}

#[component]
pub fn QuestionFields(question: QuestionSheet, number: usize) -> impl IntoView {
    let q = question.id;
    let saved = question.saved.clone();
    let points = if question.points > 1 {
        format!("{} points", question.points)
    } else {
        "1 point".to_string()
    };
    let body = match question.kind {
        QuestionKind::SingleChoice | QuestionKind::TrueFalse => {
            let chosen = match &saved {
                Some(Response::Choice(Some(id))) => Some(*id),
                _ => None,
            };
            question
                .choices
                .iter()
                .map(|c| {
                    let id = format!("q{q}-{}", c.id);
                    view! {
                        <div class="choice">
                            <input type="radio" id=id.clone() name=field(single_name(q)) value=c.id checked=chosen == Some(c.id)/>
                            <label for=id>{c.label.clone()}</label>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
        QuestionKind::MultipleChoice => {
            let ticked = match &saved {
                Some(Response::Choices(ids)) => ids.clone(),
                _ => Vec::new(),
            };
            question
                .choices
                .iter()
                .map(|c| {
                    let id = format!("q{q}-{}", c.id);
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=id.clone() name=field(choice_name(q, c.id)) value="on" checked=ticked.contains(&c.id)/>
                            <label for=id>{c.label.clone()}</label>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
        QuestionKind::ShortAnswer => {
            let text = match &saved {
                Some(Response::Text(t)) => t.clone(),
                _ => String::new(),
            };
            let id = format!("q{q}-texte");
            view! {
                <label for=id.clone()>"Votre réponse"</label>
                <input type="text" id=id name=field(single_name(q)) value=text maxlength="500" autocomplete="off"/>
            }
            .into_any()
        }
        QuestionKind::Matching => {
            let pairs = match &saved {
                Some(Response::Pairs(p)) => p.clone(),
                _ => Vec::new(),
            };
            question
                .choices
                .iter()
                .map(|left| {
                    let id = format!("q{q}-m{}", left.id);
                    let current = pairs.iter().find(|(l, _)| *l == left.id).map(|(_, r)| *r);
                    view! {
                        <div class="pair">
                            <label for=id.clone()>{left.label.clone()}</label>
                            <select id=id name=field(match_name(q, left.id))>
                                <option value="">"— choisir —"</option>
                                {question.options.iter().map(|o| view! {
                                    <option value=o.id selected=current == Some(o.id)>{o.label.clone()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
        QuestionKind::Ordering => {
            let count = question.choices.len();
            question
                .choices
                .iter()
                .map(|item| {
                    let id = format!("q{q}-r{}", item.id);
                    let rank = saved_rank(saved.as_ref(), item.id);
                    view! {
                        <div class="pair">
                            <label for=id.clone()>{item.label.clone()}</label>
                            <select id=id name=field(rank_name(q, item.id))>
                                <option value="">"— place —"</option>
                                {(1..=count).map(|r| view! {
                                    <option value=r selected=rank == Some(r)>{format!("{r}")}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
    };
    let hint = match question.kind {
        QuestionKind::MultipleChoice => Some("Plusieurs réponses possibles."),
        QuestionKind::Matching => Some("Associez chaque élément à sa description."),
        QuestionKind::Ordering => Some("Donnez à chaque étape sa place : 1 pour la première."),
        _ => None,
    };
    view! {
        <fieldset class="question">
            <legend>
                <span class="question__number">{format!("Question {number}")}</span>
                <span class="card__meta">{format!(" · {} · {points}", kind_label(question.kind))}</span>
                <span class="question__prompt">{question.prompt.clone()}</span>
            </legend>
            {hint.map(|h| view! { <p class="field-hint">{h}</p> })}
            {body}
        </fieldset>
    }
}
