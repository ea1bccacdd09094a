//! One question of an open attempt as plain form fields (see `quiz::rules::form` for
//! the names), so that the quiz works without JavaScript. Saved answers are
//! filled back in.

use leptos::prelude::*;

use crate::quiz::rules::form::{choice_name, match_name, rank_name, saved_rank, single_name};
use crate::quiz::rules::grading::{QuestionKind, Response};
use crate::quiz::types::{Pick, QuestionSheet, kind_label};

fn field(name: String) -> String {
    format!("input[answers][{name}]")
}

/// One box per choice, checked as saved: radio buttons when one answer is
/// expected, checkboxes when several are. `name_value` gives a choice's field.
fn choice_boxes(
    q: i32,
    choices: &[Pick],
    input_type: &'static str,
    name_value: impl Fn(i32) -> (String, String),
    checked: impl Fn(i32) -> bool,
) -> AnyView {
    choices
        .iter()
        .map(|c| {
            let id = format!("q{q}-{}", c.id);
            let (name, value) = name_value(c.id);
            view! {
                <div class="choice">
                    <input type=input_type id=id.clone() name=field(name) value=value checked=checked(c.id)/>
                    <label for=id>{c.label.clone()}</label>
                </div>
            }
        })
        .collect_view()
        .into_any()
}

/// An item and the list that answers it (matching, ordering): `options` are
/// (value, text, selected).
fn pair_select(
    id: String,
    label: String,
    name: String,
    placeholder: &'static str,
    options: Vec<(String, String, bool)>,
) -> impl IntoView {
    view! {
        <div class="pair">
            <label for=id.clone()>{label}</label>
            <select id=id name=field(name)>
                <option value="">{placeholder}</option>
                {options.into_iter().map(|(value, text, selected)| view! {
                    <option value=value selected=selected>{text}</option>
                }).collect_view()}
            </select>
        </div>
    }
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
            choice_boxes(
                q,
                &question.choices,
                "radio",
                |c| (single_name(q), c.to_string()),
                |c| chosen == Some(c),
            )
        }
        QuestionKind::MultipleChoice => {
            let ticked = match &saved {
                Some(Response::Choices(ids)) => ids.clone(),
                _ => Vec::new(),
            };
            choice_boxes(
                q,
                &question.choices,
                "checkbox",
                |c| (choice_name(q, c), "on".to_string()),
                |c| ticked.contains(&c),
            )
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
                    let current = pairs.iter().find(|(l, _)| *l == left.id).map(|(_, r)| *r);
                    let options = question
                        .options
                        .iter()
                        .map(|o| (o.id.to_string(), o.label.clone(), current == Some(o.id)));
                    pair_select(
                        format!("q{q}-m{}", left.id),
                        left.label.clone(),
                        match_name(q, left.id),
                        "— choisir —",
                        options.collect(),
                    )
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
                    let rank = saved_rank(saved.as_ref(), item.id);
                    let places =
                        (1..=count).map(|r| (r.to_string(), r.to_string(), rank == Some(r)));
                    pair_select(
                        format!("q{q}-r{}", item.id),
                        item.label.clone(),
                        rank_name(q, item.id),
                        "— place —",
                        places.collect(),
                    )
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
