//! One questionnaire item as plain form fields (works without JavaScript):
//! Likert and yes / no items are radio groups in a fieldset whose legend is
//! the item; free text is a labelled text area.

use leptos::prelude::*;

use crate::assessment::rules::defaults::MAX_TEXT_CHARS;
use crate::assessment::rules::phase::LIKERT;
use crate::assessment::rules::validate::field_name;
use crate::assessment::types::Item;

fn name(item: i32) -> String {
    format!("input[answers][{}]", field_name(item))
}

#[component]
pub fn ItemFields(item: Item) -> impl IntoView {
    let id = item.id;
    let hint = item
        .objective
        .clone()
        .map(|o| view! { <span class="field-hint">{format!("Objectif : {o}")}</span> });
    match item.item_type.as_str() {
        "free_text" => {
            let field = format!("item-{id}");
            view! {
                <div class="field">
                    <label for=field.clone()>{item.prompt.clone()}</label>
                    <textarea id=field name=name(id) rows="4" maxlength=MAX_TEXT_CHARS.to_string()></textarea>
                    <p class="field-hint">{format!("Facultatif, {MAX_TEXT_CHARS} caractères au plus.")}</p>
                </div>
            }
            .into_any()
        }
        "yes_no" => view! {
            <fieldset>
                <legend>{item.prompt.clone()}</legend>
                {[("oui", "Oui"), ("non", "Non")].into_iter().map(|(value, label)| {
                    let field = format!("item-{id}-{value}");
                    view! {
                        <div class="choice">
                            <input type="radio" id=field.clone() name=name(id) value=value required/>
                            <label for=field>{label}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        }
        .into_any(),
        _ => view! {
            <fieldset class="likert">
                <legend>{item.prompt.clone()} " " {hint}</legend>
                {LIKERT.into_iter().map(|(value, label)| {
                    let field = format!("item-{id}-{value}");
                    view! {
                        <div class="choice">
                            <input type="radio" id=field.clone() name=name(id) value=value required/>
                            <label for=field>{format!("{value} — {label}")}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        }
        .into_any(),
    }
}
