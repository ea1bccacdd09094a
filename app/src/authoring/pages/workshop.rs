//! « Atelier »: every module with its state, publish / withdraw, reorder, and
//! the form that starts a new module.

use crate::layout::Title;
use leptos::prelude::*;

use super::controls::{MoveButtons, PublishToggle, State, failure};
use super::notices::WorkshopNotices;
use crate::authoring::api::{CreateModule, MoveItem, Publish, all_modules};
use crate::authoring::types::ModuleRow;
use crate::forms::{ActionError, Field};
use crate::layout::TableFrame;

#[component]
pub fn WorkshopPage() -> impl IntoView {
    let publish = ServerAction::<Publish>::new();
    let shift = ServerAction::<MoveItem>::new();
    let create = ServerAction::<CreateModule>::new();
    let rows = Resource::new(
        move || (publish.version().get(), shift.version().get()),
        |_| all_modules(),
    );
    view! {
        <Title text="Atelier"/>
        <section class="page">
            <h1>"Atelier"</h1>
            <p class="lead">"Écrivez et organisez les modules, leçons et quiz. Ce qui n’est pas publié reste invisible pour les personnes en formation."</p>
            <WorkshopNotices/>
            <ActionError result=publish.value()/>
            <ActionError result=shift.value()/>
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    rows.await.map(|rows| view! { <ModuleTable rows publish shift/> })
                })}
            </Suspense>

            <h2 id="nouveau-module">"Nouveau module"</h2>
            <ActionForm action=create attr:aria-labelledby="nouveau-module">
                <Field id="module-titre" label="Titre" name="input[title]" required=true/>
                <Field id="module-duree" label="Durée (en minutes)" name="input[duration_minutes]" kind="number" required=true value="60"/>
                <p class="field-hint">"Le module est créé en brouillon, à la fin du catalogue."</p>
                <p><button type="submit">"Créer le module"</button></p>
            </ActionForm>
            <ActionError result=failure(create.value())/>
        </section>
    }
}

#[component]
fn ModuleTable(
    rows: Vec<ModuleRow>,
    publish: ServerAction<Publish>,
    shift: ServerAction<MoveItem>,
) -> impl IntoView {
    let count = rows.len();
    view! {
        <TableFrame caption=format!("{count} module(s), dans l’ordre du catalogue") columns=&["Module", "Contenu", "État", "Ordre"]>
            {rows.into_iter().enumerate().map(|(i, m)| view! {
                <tr>
                    <th scope="row"><a href=format!("/atelier/modules/{}", m.id)>{m.title.clone()}</a></th>
                    <td>{format!("{} leçon(s), {} quiz", m.lessons, m.quizzes)}</td>
                    <td>
                        <State published=m.published archived=m.archived/>
                        {(!m.archived).then(|| view! {
                            <PublishToggle action=publish target="module" id=m.id published=m.published name=m.title.clone()/>
                        })}
                    </td>
                    <td>
                        <MoveButtons action=shift target="module" id=m.id first=i == 0 last=i + 1 == count name=m.title.clone()/>
                    </td>
                </tr>
            }).collect_view()}
        </TableFrame>
    }
}
