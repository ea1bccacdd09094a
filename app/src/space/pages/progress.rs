//! « Ma progression »: lessons done and best quiz score, per module.

use leptos::prelude::*;

use crate::catalogue::ModuleProgress;
use crate::error::AppError;
use crate::layout::TableFrame;
use crate::quiz::types::format_percent;

#[component]
pub fn ProgressTable(progress: Resource<Result<Vec<ModuleProgress>, AppError>>) -> impl IntoView {
    view! {
        <h2>"Ma progression"</h2>
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                progress.await.map(|rows| view! {
                    <TableFrame caption="Leçons terminées et meilleur score au quiz, par module" columns=&["Module", "Leçons terminées", "Meilleur score au quiz"]>
                        {rows.into_iter().map(|m| view! {
                            <tr>
                                <th scope="row"><a href=format!("/formations/{}", m.slug)>{m.title}</a></th>
                                <td>{format!("{} sur {}", m.lessons_done, m.lessons_total)}</td>
                                <td>{m.best_quiz_percent.map(format_percent).unwrap_or_else(|| "pas encore passé".into())}</td>
                            </tr>
                        }).collect_view()}
                    </TableFrame>
                })
            })}
        </Suspense>
    }
}
