//! A quiz's rules, the learner's attempts and best score, and the button that
//! starts (or resumes) an attempt.

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::forms::ActionError;
use crate::layout::TableFrame;
use crate::params::route_id;
use crate::quiz::api::{StartAttempt, quiz_overview};
use crate::quiz::rules::grading::partial_credit_rule;
use crate::quiz::types::{QuizOverview, format_percent};

#[component]
pub fn QuizPage() -> impl IntoView {
    let params = use_params_map();
    let start = ServerAction::<StartAttempt>::new();
    let quiz = Resource::new(
        move || params.read().get("id"),
        |id| async move { quiz_overview(route_id(id)?).await },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                quiz.await.map(|q| view! { <Overview quiz=q start/> })
            })}
        </Suspense>
    }
}

#[component]
fn Overview(quiz: QuizOverview, start: ServerAction<StartAttempt>) -> impl IntoView {
    let attempts_text = match quiz.max_attempts {
        Some(max) => format!(
            "{max} tentative(s) autorisée(s), il vous en reste {}.",
            quiz.attempts_left.unwrap_or(0)
        ),
        None => "Nombre de tentatives illimité.".to_string(),
    };
    let can_start = quiz.open_attempt.is_some() || quiz.attempts_left != Some(0);
    view! {
        <Title text=quiz.title.clone()/>
        <section class="page narrow">
            <nav aria-label="Fil d’Ariane" class="breadcrumb">
                <a href="/formations">"Les formations"</a>" › "
                <a href=format!("/formations/{}", quiz.module_slug)>{quiz.module_title.clone()}</a>
            </nav>
            <h1>{quiz.title.clone()}{(!quiz.published).then_some(" (brouillon)")}</h1>
            <h2>"Règles"</h2>
            <ul>
                <li>{format!("{} question(s).", quiz.question_count)}</li>
                <li>{format!("Seuil de réussite : {} % des points.", quiz.pass_mark_percent)}</li>
                <li>{attempts_text}</li>
                <li>{match quiz.time_limit_minutes {
                    Some(m) => format!("Temps limité : {m} minutes à partir du début de la tentative. Les réponses envoyées après la limite ne sont pas prises en compte ; enregistrez-les au fur et à mesure."),
                    None => "Pas de limite de temps.".to_string(),
                }}</li>
                <li>"Les bonnes réponses et les explications s’affichent une fois vos réponses envoyées."</li>
                <li>{partial_credit_rule()}</li>
            </ul>
            {quiz.best_percent.map(|p| view! {
                <p class="notice">{format!("Votre meilleur score : {}", format_percent(p))}</p>
            })}
            <ActionError result=Signal::derive(move || start.value().get().map(|r| r.map(|_| ())))/>
            {if can_start {
                view! {
                    <ActionForm action=start>
                        <input type="hidden" name="input[quiz_id]" value=quiz.id/>
                        <button type="submit">
                            {if quiz.open_attempt.is_some() { "Reprendre la tentative en cours" } else { "Commencer une tentative" }}
                        </button>
                    </ActionForm>
                }.into_any()
            } else {
                view! { <p class="notice">"Vous avez utilisé toutes les tentatives autorisées pour ce quiz."</p> }.into_any()
            }}
            {(!quiz.attempts.is_empty()).then(|| view! {
                <TableFrame caption="Vos tentatives" columns=&["Tentative", "Commencée le", "Score", "Résultat"]>
                    {quiz.attempts.iter().map(|a| view! {
                        <tr>
                            <th scope="row"><a href=format!("/quiz/tentatives/{}", a.id)>{format!("n° {}", a.number)}</a></th>
                            <td>{when(a.started_at)}</td>
                            <td>{a.percent.map(format_percent).unwrap_or_else(|| "en cours".into())}</td>
                            <td>{match a.passed { Some(true) => "Réussi", Some(false) => "Non réussi", None => "—" }}</td>
                        </tr>
                    }).collect_view()}
                </TableFrame>
            })}
        </section>
    }
}

fn when(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%d/%m/%Y").to_string()
}
