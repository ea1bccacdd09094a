//! The catalogue page: the three modules and what each teaches.

use crate::layout::{Intro, Title};
use leptos::prelude::*;

use crate::catalogue::api::list_modules;
use crate::catalogue::types::{ModuleSummary, format_duration};
use crate::starter::StarterOffer;

const LEAD: &str = concat!(
    "Trois modules pour repérer, comprendre et orienter les personnes en souffrance psychique, ",
    "construits avec les acteurs du réseau messin."
);

#[component]
pub fn CataloguePage() -> impl IntoView {
    let modules = Resource::new(|| (), |_| list_modules());
    view! {
        <Title text="Les formations"/>
        <section class="page">
            <Intro heading="Les formations" lead=LEAD/>
            <StarterOffer/>
            <Suspense fallback=|| view! { <p aria-live="polite">"Chargement des formations…"</p> }>
                {move || Suspend::new(async move {
                    modules.await.map(|list| if list.is_empty() {
                        view! { <p>"Aucune formation n’est publiée pour le moment."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="card-list">
                                {list.into_iter().map(|m| view! { <li><ModuleCard module=m/></li> }).collect_view()}
                            </ul>
                        }.into_any()
                    })
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ModuleCard(module: ModuleSummary) -> impl IntoView {
    view! {
        <article class="card">
            <h2><a href=format!("/formations/{}", module.slug)>{module.title}</a></h2>
            <p class="card__meta">"Durée : "{format_duration(module.duration_minutes)}</p>
            <p>{module.summary}</p>
            <h3>"Objectifs"</h3>
            <ul>{module.objectives.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
            <p class="card__meta">"Public : "{module.audience}</p>
        </article>
    }
}
