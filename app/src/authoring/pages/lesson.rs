//! `/atelier/lecons/:id`: a lesson's title, time and Markdown text, with a
//! preview. With JavaScript the preview follows the text as it is typed, once
//! typing pauses (rendered by the server, like the published lesson); without,
//! it shows the saved text, refreshed by « Enregistrer ».

use std::time::Duration;

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::controls::{ModuleTrail, State};
use super::notices::WorkshopNotices;
use super::removal::RemovalSection;
use crate::authoring::api::{UpdateLesson, lesson_draft, preview_lesson};
use crate::authoring::types::LessonDraft;
use crate::error::AppError;
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
    // The text being typed (with its lesson), `None` while it is the saved
    // one. The preview resource is created here, in the component's body,
    // never after an await: a resource created inside a `Suspend` after its
    // await runs outside the page's context and breaks hydration.
    let body = RwSignal::new(None::<(i32, String)>);
    let preview = Resource::new(
        move || body.get(),
        |typed| async move {
            match typed {
                None => Ok(None),
                Some((id, text)) => preview_lesson(text).await.map(|html| Some((id, html))),
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                lesson.await.map(|lesson| view! { <LessonEditor lesson update body preview/> })
            })}
        </Suspense>
    }
}

#[component]
fn LessonEditor(
    lesson: LessonDraft,
    update: ServerAction<UpdateLesson>,
    body: RwSignal<Option<(i32, String)>>,
    preview: Resource<Result<Option<(i32, String)>, AppError>>,
) -> impl IntoView {
    let saved = lesson.body_markdown.clone();
    let saved_html = lesson.html.clone();
    let id = lesson.id;
    // The preview follows the text once typing pauses, not at every key.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let typed = move |text: String| {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let typed = (text != saved).then_some((id, text));
        let handle =
            set_timeout_with_handle(move || body.set(typed), Duration::from_millis(400)).ok();
        pending.set_value(handle);
    };
    let removal_name = lesson.title.clone();
    view! {
        <Title text=format!("Atelier · {}", lesson.title)/>
        <section class="page">
            <ModuleTrail module_id=lesson.module_id module_title=lesson.module_title.clone()/>
            <h1>{lesson.title.clone()}</h1>
            <WorkshopNotices/>
            <p><State published=lesson.published archived=lesson.archived/>" "
                "La publication se décide dans la liste des leçons du module."</p>
            <div class="editor">
                <div>
                    <ActionForm action=update>
                        <input type="hidden" name="input[id]" value=lesson.id/>
                        <Field id="titre" label="Titre" name="input[title]" required=true value=lesson.title.clone()/>
                        <Field id="duree" label="Durée estimée (en minutes)" name="input[estimated_minutes]" kind="number" required=true value=lesson.estimated_minutes.to_string()/>
                        <FieldLabel id="texte" label="Texte de la leçon (Markdown)"
                            hint="Titres : ## Titre · listes : - élément · gras : **mot** · lien : [texte](https://…). L’aperçu montre la leçon telle que les personnes en formation la liront."/>
                        <textarea id="texte" name="input[body_markdown]" rows="24" aria-describedby="texte-aide"
                            on:input:target=move |ev| typed(ev.target().value())>{lesson.body_markdown.clone()}</textarea>
                        <p><button type="submit">"Enregistrer la leçon"</button></p>
                    </ActionForm>
                    <ActionError result=update.value()/>
                </div>
                <section class="preview" aria-labelledby="apercu">
                    <h2 id="apercu">"Aperçu"</h2>
                    <Transition fallback=|| view! { <p>"Préparation de l’aperçu…"</p> }>
                        {move || {
                            let saved_html = saved_html.clone();
                            Suspend::new(async move {
                            // The saved text's preview comes with the page; only
                            // edits of this lesson ask the server.
                            let shown = preview.await.map(|typed| match typed {
                                Some((of, html)) if of == id => html,
                                _ => saved_html.clone(),
                            });
                            match shown {
                                Ok(html) => view! { <div class="lesson__body" inner_html=html></div> }.into_any(),
                                Err(e) => view! { <p class="notice notice--error">{e.to_string()}</p> }.into_any(),
                            }
                        })
                        }}
                    </Transition>
                </section>
            </div>
            <RemovalSection target="lesson" id=lesson.id archived=lesson.archived name=removal_name/>
        </section>
    }
}
