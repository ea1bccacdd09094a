//! The trainer's editor of the self-assessment items of a session's module
//! (`/sessions/<id>/questionnaires/items`): reword, retag, move, remove, add.
//! Once answers exist, the next edit makes a new version (said on the page).

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::session_id;
use crate::assessment::api::{EditAssessmentItem, assessment_editor};
use crate::assessment::rules::versioning::Edit;
use crate::assessment::types::{EditorView, Item};
use crate::error::AppError;
use crate::forms::ActionError;

#[component]
pub fn EditorPage() -> impl IntoView {
    let id = session_id();
    let edit = ServerAction::<EditAssessmentItem>::new();
    let data = Resource::new(
        move || (id.get(), edit.version().get()),
        |(id, _)| async move {
            match id {
                Some(id) => assessment_editor(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                data.await.map(|e| view! { <Body editor=e edit/> })
            })}
        </Suspense>
    }
}

#[component]
fn ObjectiveSelect(
    id: String,
    objectives: Vec<(i32, String)>,
    chosen: Option<i32>,
) -> impl IntoView {
    view! {
        <label for=id.clone()>"Objectif du module"</label>
        <select id=id name="input[objective_id]">
            <option value="" selected=chosen.is_none()>"Aucun"</option>
            {objectives.into_iter().map(|(o, label)| view! {
                <option value=o selected=chosen == Some(o)>{label}</option>
            }).collect_view()}
        </select>
    }
}

#[component]
fn Body(editor: EditorView, edit: ServerAction<EditAssessmentItem>) -> impl IntoView {
    let sid = editor.session_id;
    let objectives = editor.objectives.clone();
    let warning = editor.answered.then(|| view! {
        <p class="notice">{format!(
            "Des personnes ont déjà répondu à la version {} : toute modification crée la version {}, et les réponses données restent attachées aux anciennes affirmations.",
            editor.version, editor.version + 1
        )}</p>
    });
    view! {
        <Title text=format!("Auto-évaluation — {}", editor.module_title)/>
        <section class="page narrow">
            <nav aria-label="Fil d’Ariane" class="breadcrumb">
                <a href=format!("/sessions/{sid}/questionnaires")>"Questionnaires de la session"</a>
            </nav>
            <h1>{format!("Auto-évaluation — {} (version {})", editor.module_title, editor.version)}</h1>
            {warning}
            <Saved edit/>
            <ActionError result=Signal::derive(move || edit.value().get().map(|r| r.map(|_| ())))/>
            {editor.items.into_iter().enumerate().map(|(n, item)| view! {
                <ItemForm item n=n + 1 sid objectives=objectives.clone() edit/>
            }).collect_view()}
            <h2>"Ajouter une affirmation"</h2>
            <ActionForm action=edit>
                <input type="hidden" name="input[session_id]" value=sid/>
                <label for="new-prompt">"Affirmation (échelle de 1 à 5)"</label>
                <textarea id="new-prompt" name="input[prompt]" rows="2" maxlength="500" required></textarea>
                <ObjectiveSelect id="new-objective".into() objectives=editor.objectives chosen=None/>
                <div class="form-actions">
                    <button type="submit" name="input[action]" value="add">"Ajouter"</button>
                </div>
            </ActionForm>
        </section>
    }
}

/// The success notice: what the last edit saved (with JavaScript the last
/// dispatched action, without it the `enregistre` parameter of the redirect).
#[component]
fn Saved(edit: ServerAction<EditAssessmentItem>) -> impl IntoView {
    let query = use_query_map();
    // The action's input is cleared once it resolves: keep the last one.
    let last = RwSignal::new(None::<Edit>);
    Effect::new(move || {
        if let Some(i) = edit.input().get() {
            last.set(Some(i.input.action));
        }
    });
    let done = move || match edit.value().get() {
        Some(Ok(_)) => last.get(),
        Some(Err(_)) => None,
        None => query
            .read()
            .get("enregistre")
            .and_then(|c| Edit::from_code(&c)),
    };
    view! {
        <div aria-live="polite">
            {move || done().map(|e| view! { <p class="notice notice--ok" role="status">{e.done()}</p> })}
        </div>
    }
}

#[component]
fn ItemForm(
    item: Item,
    n: usize,
    sid: i32,
    objectives: Vec<(i32, String)>,
    edit: ServerAction<EditAssessmentItem>,
) -> impl IntoView {
    let id = item.id;
    view! {
        <ActionForm action=edit>
            <fieldset>
                <legend>{format!("Affirmation {n}")}{item.is_crisis_item.then_some(" — indicateur crise (ne peut pas être retirée)")}</legend>
                <input type="hidden" name="input[session_id]" value=sid/>
                <input type="hidden" name="input[item_id]" value=id/>
                <label for=format!("prompt-{id}")>"Texte"</label>
                <textarea id=format!("prompt-{id}") name="input[prompt]" rows="2" maxlength="500">{item.prompt.clone()}</textarea>
                <ObjectiveSelect id=format!("objective-{id}") objectives chosen=item.objective_id/>
                <div class="form-actions">
                    <button type="submit" name="input[action]" value="update">"Enregistrer"</button>
                    <button type="submit" name="input[action]" value="up" class="button--secondary">"Monter"</button>
                    <button type="submit" name="input[action]" value="down" class="button--secondary">"Descendre"</button>
                    {(!item.is_crisis_item).then(|| view! {
                        <button type="submit" name="input[action]" value="remove" class="button--secondary">"Retirer"</button>
                    })}
                </div>
            </fieldset>
        </ActionForm>
    }
}
