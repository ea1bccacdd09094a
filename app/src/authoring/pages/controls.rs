//! The controls repeated on every list of the workshop: the state of an item
//! in words (never by colour alone), publish / withdraw, move up / down. Each
//! button names its item for screen readers (« Monter “Leçon 2” »).

use leptos::prelude::*;

use crate::authoring::api::{MoveItem, Publish};
use crate::error::AppError;

/// « Publié », « Brouillon » or « Archivé », as text.
#[component]
pub fn State(published: bool, #[prop(optional)] archived: bool) -> impl IntoView {
    let (class, text) = match (archived, published) {
        (true, _) => ("badge", "Archivé"),
        (false, true) => ("badge badge--done", "Publié"),
        (false, false) => ("badge", "Brouillon"),
    };
    view! { <span class=class>{text}</span> }
}

#[component]
pub fn PublishToggle(
    action: ServerAction<Publish>,
    target: &'static str,
    id: i32,
    published: bool,
    #[prop(into)] name: String,
) -> impl IntoView {
    view! {
        <ActionForm action attr:class="inline-form">
            <input type="hidden" name="input[target]" value=target/>
            <input type="hidden" name="input[id]" value=id/>
            <input type="hidden" name="input[published]" value=(!published).to_string()/>
            <button type="submit" class="button--secondary">
                {if published { "Retirer de la publication" } else { "Publier" }}
                <span class="visually-hidden">{format!(" « {name} »")}</span>
            </button>
        </ActionForm>
    }
}

/// « Monter » and « Descendre »; the one that cannot act (first / last item) is disabled.
#[component]
pub fn MoveButtons(
    action: ServerAction<MoveItem>,
    target: &'static str,
    id: i32,
    first: bool,
    last: bool,
    #[prop(into)] name: String,
) -> impl IntoView {
    let button = move |direction: &'static str, label: &'static str, disabled: bool| {
        let name = name.clone();
        view! {
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="input[target]" value=target/>
                <input type="hidden" name="input[id]" value=id/>
                <input type="hidden" name="input[direction]" value=direction/>
                <button type="submit" class="button--secondary" disabled=disabled>
                    {label}<span class="visually-hidden">{format!(" « {name} »")}</span>
                </button>
            </ActionForm>
        }
    };
    view! {
        {button("up", "Monter", first)}
        {button("down", "Descendre", last)}
    }
}

/// « Atelier › module »: where a lesson's or a quiz's page sits in the workshop.
#[component]
pub fn ModuleTrail(module_id: i32, module_title: String) -> impl IntoView {
    view! {
        <nav aria-label="Fil d’Ariane" class="breadcrumb">
            <a href="/atelier">"Atelier"</a>" › "
            <a href=format!("/atelier/modules/{module_id}")>{module_title}</a>
        </nav>
    }
}

/// The error of an action whose success carries a value (a new id), for [`crate::forms::ActionError`].
pub fn failure<T>(
    value: impl Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
) -> Signal<Option<Result<(), AppError>>>
where
    T: Send + Sync + 'static,
{
    Signal::derive(move || value.get().map(|r| r.map(|_| ())))
}
