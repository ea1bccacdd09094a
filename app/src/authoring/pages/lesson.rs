//! `/atelier/lecons/:id`: a lesson's title, time and Markdown text, with a
//! preview. The form and its preview are an island: with JavaScript the
//! preview follows the text as it is typed, once typing pauses (rendered by
//! the server, like the published lesson); without, it shows the saved text,
//! refreshed by « Enregistrer ». The form posts without JavaScript either way.

use std::time::Duration;

use crate::layout::Title;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

use super::controls::{ModuleTrail, State};
use super::notices::WorkshopNotices;
use super::removal::RemovalSection;
use crate::authoring::api::{UpdateLesson, lesson_draft, preview_lesson};
use crate::authoring::types::LessonDraft;
use crate::forms::{ActionError, Field, FieldLabel};
use crate::params::route_id;

#[component]
pub fn LessonEditPage() -> impl IntoView {
    let params = use_params_map();
    let update = ServerAction::<UpdateLesson>::new();
    let lesson = Resource::new(
        move || (params.read().get("id"), update.version().get()),
        |(id, _)| async move { lesson_draft(route_id(id)?).await },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                lesson.await.map(|lesson| view! { <LessonEditor lesson update/> })
            })}
        </Suspense>
    }
}

#[component]
fn LessonEditor(lesson: LessonDraft, update: ServerAction<UpdateLesson>) -> impl IntoView {
    let removal_name = lesson.title.clone();
    view! {
        <Title text=format!("Atelier · {}", lesson.title)/>
        <section class="page">
            <ModuleTrail module_id=lesson.module_id module_title=lesson.module_title.clone()/>
            <h1>{lesson.title.clone()}</h1>
            <WorkshopNotices/>
            <p><State published=lesson.published archived=lesson.archived/>" "
                "La publication se décide dans la liste des leçons du module."</p>
            <ActionError result=update.value()/>
            <TextEditor
                id=lesson.id
                title=lesson.title.clone()
                minutes=lesson.estimated_minutes
                saved=lesson.body_markdown.clone()
                saved_html=lesson.html.clone()
            />
            <RemovalSection target="lesson" id=lesson.id archived=lesson.archived name=removal_name/>
        </section>
    }
}

/// What the preview shows.
#[derive(Clone)]
enum Shown {
    Html(String),
    Failed(String),
}

/// The lesson's form and, beside it, the preview of its text.
#[island]
fn TextEditor(
    id: i32,
    title: String,
    minutes: i32,
    saved: String,
    saved_html: String,
) -> impl IntoView {
    let shown = RwSignal::new(Shown::Html(saved_html.clone()));
    let text = saved.clone();
    // Bumped by each pause in typing: an older preview that comes back late is dropped.
    let generation = StoredValue::new(0u32);
    // The preview follows the text once typing pauses, not at every key.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let typed = move |text: String| {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let saved = saved.clone();
        let saved_html = saved_html.clone();
        let refresh = move || {
            generation.update_value(|g| *g += 1);
            let asked = generation.get_value();
            if text == saved {
                shown.set(Shown::Html(saved_html));
                return;
            }
            leptos::task::spawn_local(async move {
                let answer = preview_lesson(text).await;
                if generation.get_value() == asked {
                    shown.set(match answer {
                        Ok(html) => Shown::Html(html),
                        Err(e) => Shown::Failed(e.to_string()),
                    });
                }
            });
        };
        let handle = set_timeout_with_handle(refresh, Duration::from_millis(400)).ok();
        pending.set_value(handle);
    };
    view! {
        <div class="editor">
            <form method="post" action=UpdateLesson::url()>
                <input type="hidden" name="input[id]" value=id/>
                <Field id="titre" label="Titre" name="input[title]" required=true value=title/>
                <Field id="duree" label="Durée estimée (en minutes)" name="input[estimated_minutes]" kind="number" required=true value=minutes.to_string()/>
                <FieldLabel id="texte" label="Texte de la leçon (Markdown)"
                    hint="Titres : ## Titre · listes : - élément · gras : **mot** · lien : [texte](https://…). L’aperçu montre la leçon telle que les personnes en formation la liront."/>
                <textarea id="texte" name="input[body_markdown]" rows="24" aria-describedby="texte-aide"
                    on:input:target=move |ev| typed(ev.target().value())>{text}</textarea>
                <p><button type="submit">"Enregistrer la leçon"</button></p>
            </form>
            <section class="preview" aria-labelledby="apercu">
                <h2 id="apercu">"Aperçu"</h2>
                {move || match shown.get() {
                    Shown::Html(html) => view! { <div class="lesson__body" inner_html=html></div> }.into_any(),
                    Shown::Failed(message) => view! { <p class="notice notice--error">{message}</p> }.into_any(),
                }}
            </section>
        </div>
    }
}
