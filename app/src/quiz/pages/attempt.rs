//! An attempt: its questions while open (save or send), its result once sent.

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::question::QuestionFields;
use super::result::ResultView;
use crate::forms::ActionError;
use crate::params::route_id;
use crate::quiz::api::{AnswerAttempt, AnswerOutcome, get_attempt};
use crate::quiz::types::{AttemptSheet, AttemptView};

#[component]
pub fn AttemptPage() -> impl IntoView {
    let params = use_params_map();
    let answer = ServerAction::<AnswerAttempt>::new();
    let attempt = Resource::new(
        move || (params.read().get("id"), answer.version().get()),
        |(id, _)| async move { get_attempt(route_id(id)?).await },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                attempt.await.map(|a| match a {
                    AttemptView::Open(sheet) => view! { <SheetView sheet answer/> }.into_any(),
                    AttemptView::Closed(result) => view! { <ResultView result/> }.into_any(),
                })
            })}
        </Suspense>
    }
}

#[component]
fn SheetView(sheet: AttemptSheet, answer: ServerAction<AnswerAttempt>) -> impl IntoView {
    let saved = move || matches!(answer.value().get(), Some(Ok(AnswerOutcome::Saved)));
    view! {
        <Title text=format!("{} — tentative n° {}", sheet.quiz_title, sheet.number)/>
        <section class="page narrow">
            <nav aria-label="Fil d’Ariane" class="breadcrumb">
                <a href=format!("/quiz/{}", sheet.quiz_id)>{sheet.quiz_title.clone()}</a>
            </nav>
            <h1>{format!("{} — tentative n° {}", sheet.quiz_title, sheet.number)}</h1>
            {sheet.deadline_label.clone().map(|d| view! {
                <p class="notice">{format!("Temps limité : envoyez vos réponses avant {d}. Après, seules les réponses enregistrées comptent.")}</p>
            })}
            <ActionError result=Signal::derive(move || answer.value().get().map(|r| r.map(|_| ())))/>
            <div aria-live="polite">
                {move || saved().then(|| view! { <p class="notice notice--ok">"Vos réponses sont enregistrées."</p> })}
            </div>
            <ActionForm action=answer attr:class="quiz-form">
                <input type="hidden" name="input[attempt_id]" value=sheet.id/>
                {sheet.questions.iter().cloned().enumerate().map(|(i, q)| view! {
                    <QuestionFields question=q number=i + 1/>
                }).collect_view()}
                <div class="form-actions">
                    <button type="submit" name="input[action]" value="save" class="button--secondary">"Enregistrer sans envoyer"</button>
                    <button type="submit" name="input[action]" value="submit">"Envoyer mes réponses"</button>
                </div>
                <p class="field-hint">"Une fois envoyées, vos réponses ne peuvent plus être modifiées."</p>
            </ActionForm>
        </section>
    }
}
