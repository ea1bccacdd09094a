//! Reading a lesson: the body rendered on the server, « J’ai terminé cette
//! leçon », and the way to the previous and next lessons.

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::catalogue::api::{MarkLesson, get_lesson};
use crate::catalogue::types::{LessonPage, format_duration};
use crate::forms::ActionError;
use crate::params::route_id;

#[component]
pub fn LessonReadPage() -> impl IntoView {
    let params = use_params_map();
    let mark = ServerAction::<MarkLesson>::new();
    let lesson = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("slug").unwrap_or_default(),
                p.get("id"),
                mark.version().get(),
            )
        },
        |(slug, id, _)| async move { get_lesson(slug, route_id(id)?).await },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                lesson.await.map(|l| view! { <LessonView lesson=l mark/> })
            })}
        </Suspense>
    }
}

#[component]
fn LessonView(lesson: LessonPage, mark: ServerAction<MarkLesson>) -> impl IntoView {
    let module_href = format!("/formations/{}", lesson.module_slug);
    let link = |id: i32| format!("/formations/{}/lecons/{}", lesson.module_slug, id);
    view! {
        <Title text=lesson.title.clone()/>
        <article class="page narrow lesson">
            <nav aria-label="Fil d’Ariane" class="breadcrumb">
                <a href="/formations">"Les formations"</a>" › "
                <a href=module_href.clone()>{lesson.module_title.clone()}</a>
            </nav>
            <h1>{lesson.title.clone()}{(!lesson.published).then_some(" (brouillon)")}</h1>
            <p class="card__meta">
                {format!("Leçon {} sur {} · environ {}", lesson.position, lesson.count, format_duration(lesson.estimated_minutes))}
            </p>
            <div class="lesson__body" inner_html=lesson.html.clone()></div>

            <section class="lesson__done" aria-labelledby="suivi">
                <h2 id="suivi">"Votre suivi"</h2>
                {if lesson.done {
                    view! { <p class="notice notice--ok">"Vous avez terminé cette leçon."</p> }.into_any()
                } else {
                    view! { <p>"Quand vous avez lu cette leçon, indiquez-le : votre progression est enregistrée."</p> }.into_any()
                }}
                <ActionForm action=mark>
                    <input type="hidden" name="input[lesson_id]" value=lesson.id/>
                    <input type="hidden" name="input[done]" value=(!lesson.done).to_string()/>
                    <button type="submit" class=if lesson.done { "button--secondary" } else { "" }>
                        {if lesson.done { "Marquer comme non terminée" } else { "J’ai terminé cette leçon" }}
                    </button>
                </ActionForm>
                <ActionError result=mark.value()/>
            </section>

            <nav aria-label="Leçons du module" class="pager">
                {lesson.previous.map(|id| view! { <a href=link(id) rel="prev">"← Leçon précédente"</a> })}
                <a href=module_href>"Sommaire du module"</a>
                {lesson.next.map(|id| view! { <a href=link(id) rel="next">"Leçon suivante →"</a> })}
            </nav>
        </article>
    }
}
