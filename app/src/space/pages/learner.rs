//! The learner's part of « Mon espace »: next sessions (the visio link put
//! forward on the day) and the quizzes waiting for them.

use leptos::prelude::*;

use crate::error::AppError;
use crate::sessions::rules::EnrolmentStatus;
use crate::sessions::types::slot_text;
use crate::space::types::{LearnerHome, NextSession, WaitingQuiz};

/// `home` comes from the page: a resource created inside a `Suspend` would
/// run without the request's context on the server. Trainers and the
/// coordinator see their sessions as learners only when they have some.
#[component]
pub fn LearnerHomeView(
    home: Resource<Result<LearnerHome, AppError>>,
    staff: bool,
) -> impl IntoView {
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                home.await.map(|home| view! {
                    {(!staff || !home.next_sessions.is_empty()).then(|| view! { <h2>"Mes sessions"</h2> })}
                    {if home.next_sessions.is_empty() && staff {
                        ().into_any()
                    } else if home.next_sessions.is_empty() {
                        view! {
                            <p>"Aucune session à venir. "<a href="/sessions">"Voir les sessions ouvertes"</a></p>
                        }.into_any()
                    } else {
                        view! {
                            <ul class="card-list">
                                {home.next_sessions.into_iter().map(|s| view! { <NextSessionCard session=s/> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <WaitingQuizzes quizzes=home.quizzes/>
                })
            })}
        </Suspense>
    }
}

#[component]
fn NextSessionCard(session: NextSession) -> impl IntoView {
    let waiting = session.status == EnrolmentStatus::Waiting;
    view! {
        <li class="card">
            <h3><a href=format!("/sessions/{}", session.session_id)>{session.title.clone()}</a></h3>
            {session.visio_today.clone().map(|url| view! {
                <p class="visio-today">
                    <strong>"Aujourd’hui à distance : "</strong>
                    <a class="button" href=url rel="noopener noreferrer">"Rejoindre la visio"</a>
                </p>
            })}
            <p>{session.mode.label()}{session.place.clone().map(|p| format!(" · {p}"))}</p>
            <ul>
                {session.slots.iter().map(|s| view! { <li>{slot_text(s)}</li> }).collect_view()}
            </ul>
            {waiting.then(|| view! { <p><strong class="badge">{EnrolmentStatus::Waiting.label()}</strong></p> })}
        </li>
    }
}

#[component]
fn WaitingQuizzes(quizzes: Vec<WaitingQuiz>) -> impl IntoView {
    (!quizzes.is_empty()).then(|| {
        view! {
            <h2>"Quiz à passer"</h2>
            <ul>
                {quizzes.into_iter().map(|q| view! {
                    <li>
                        <a href=format!("/quiz/{}", q.quiz_id)>{q.title}</a>
                        {format!(" · {}", q.module_title)}
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}
