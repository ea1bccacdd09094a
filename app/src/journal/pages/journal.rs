//! `/coordination/journal`: the filter form (a GET form, so it works without
//! JavaScript and the address says what is shown), one page of entries and
//! « Plus anciens ». The address carries ids and dates only.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::entries::EntriesTable;
use crate::journal::api::read_journal;
use crate::journal::types::{Choice, Journal, JournalQuery};
use crate::layout::{Intro, Pager, ProblemMessage, Title};

const PATH: &str = "/coordination/journal";

/// The address of the same filters, from `before` on.
fn address(q: &JournalQuery, before: i32) -> String {
    let mut parts = Vec::new();
    for (name, value) in [
        ("session", &q.session),
        ("personne", &q.person),
        ("du", &q.from),
        ("au", &q.to),
    ] {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            parts.push(format!("{name}={v}"));
        }
    }
    parts.push(format!("avant={before}"));
    format!("{PATH}?{}", parts.join("&"))
}

#[component]
pub fn JournalPage() -> impl IntoView {
    let query = use_query_map();
    let wanted = move || {
        let q = query.read();
        JournalQuery {
            session: q.get("session"),
            person: q.get("personne"),
            from: q.get("du"),
            to: q.get("au"),
            before: q.get("avant"),
        }
    };
    let journal = Resource::new(wanted, read_journal);
    view! {
        <Title text="Journal"/>
        <section class="page">
            <Intro
                heading="Journal des actions"
                lead="Qui a fait quoi et quand : connexions, comptes, sessions, émargements, programme, courriels, certificats. Les plus récentes d’abord."
            />
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
                {move || {
                    let q = wanted();
                    Suspend::new(async move {
                    match journal.await {
                        Ok(j) => view! { <JournalView j q/> }.into_any(),
                        Err(error) => view! {
                            <ProblemMessage error/>
                            <p><a href=PATH>"Revenir au journal sans filtre"</a></p>
                        }.into_any(),
                    }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn JournalView(j: Journal, q: JournalQuery) -> impl IntoView {
    let older = j.older.map(|before| address(&q, before));
    let paged = q.before.as_deref().is_some_and(|b| !b.is_empty());
    view! {
        <Filters sessions=j.sessions people=j.people q=q.clone()/>
        <EntriesTable entries=j.entries/>
        <Pager
            label="Pages du journal"
            first=(PATH.to_owned(), "Les plus récentes")
            next=older.map(|href| (href, "Plus anciens"))
            later_page=paged
        />
    }
}

#[component]
fn Select(
    id: &'static str,
    label: &'static str,
    all: &'static str,
    choices: Vec<Choice>,
    current: Option<String>,
) -> impl IntoView {
    let current = current.unwrap_or_default();
    view! {
        <p>
            <label for=id>{label}</label>
            <select id=id name=id>
                <option value="">{all}</option>
                {choices.into_iter().map(|c| {
                    let selected = c.id.to_string() == current;
                    view! { <option value=c.id.to_string() selected=selected>{c.label}</option> }
                }).collect_view()}
            </select>
        </p>
    }
}

#[component]
fn Filters(sessions: Vec<Choice>, people: Vec<Choice>, q: JournalQuery) -> impl IntoView {
    view! {
        <form method="get" action=PATH class="filters" aria-labelledby="journal-filtres">
            <h2 id="journal-filtres">"Filtrer"</h2>
            <Select id="session" label="Session (parmi les 200 plus récentes)" all="Toutes les sessions" choices=sessions current=q.session/>
            <Select id="personne" label="Personne de l’équipe (auteur·rice ou personne concernée ; pour une autre personne : « Journal » dans « Comptes »)" all="Toutes les personnes" choices=people current=q.person/>
            <p>
                <label for="du">"Du"</label>
                <input id="du" name="du" type="date" value=q.from.unwrap_or_default()/>
            </p>
            <p>
                <label for="au">"Au (inclus)"</label>
                <input id="au" name="au" type="date" value=q.to.unwrap_or_default()/>
            </p>
            <button type="submit">"Filtrer"</button>
            " "
            <a href=PATH>"Effacer les filtres"</a>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn older_pages_keep_the_filters() {
        let q = JournalQuery {
            session: Some("3".into()),
            person: Some(String::new()),
            from: Some("2026-01-01".into()),
            to: None,
            before: Some("90".into()),
        };
        assert_eq!(
            address(&q, 41),
            "/coordination/journal?session=3&du=2026-01-01&avant=41"
        );
    }
}
