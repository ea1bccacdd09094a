//! « Sessions »: the upcoming sessions for everyone, filtered by a GET form
//! (module, mode, month), with the seats left; cancelled ones say so. With
//! `vue=mois`, the same filters show a month calendar instead.

use crate::layout::{ProblemMessage, Title};
use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

use super::manage::ManagedSessions;
use super::month::{MonthCalendar, month_href};
use super::notice::DoneNotice;
use super::seats_text;
use crate::accounts::pages::use_session;
use crate::roles::Role;
use crate::sessions::api::{list_sessions, manage_sessions};
use crate::sessions::rules::month::Month;
use crate::sessions::rules::{Mode, Status};
use crate::sessions::types::{ListFilter, SessionSummary, slot_text};

#[component]
pub fn SessionsPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        ListFilter {
            module: q.get("module").unwrap_or_default(),
            mode: q.get("mode").unwrap_or_default(),
            month: q.get("mois").unwrap_or_default(),
            view: q.get("vue").unwrap_or_default(),
        }
    };
    let sessions = Resource::new(filter, list_sessions);
    let session = use_session();
    // The sessions a trainer or the coordinator manages (`None` for anyone
    // else). Created here, in the body: a resource created after an await
    // (inside a `Suspend`) runs outside the page's context and breaks
    // hydration.
    let managed = Resource::new(
        move || query.read().get("gerees"),
        move |page| async move {
            let author = matches!(
                session.user.await.map(|u| u.role),
                Some(Role::Trainer | Role::Coordinator)
            );
            if author {
                manage_sessions(page).await.map(Some)
            } else {
                Ok(None)
            }
        },
    );
    view! {
        <Title text="Sessions"/>
        <section class="page">
            <h1>"Sessions de formation"</h1>
            <DoneNotice/>
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match managed.await {
                        Ok(Some(list)) => Some(view! {
                            <p><a href="/sessions/nouvelle" class="button">"Planifier une session"</a></p>
                            <ManagedSessions list/>
                        }.into_any()),
                        Ok(None) => None,
                        Err(error) => Some(view! { <ProblemMessage error/> }.into_any()),
                    }
                })}
            </Suspense>
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    let f = filter();
                    sessions.await.map(|list| {
                    let month = list.month.as_deref().and_then(Month::parse);
                    let month_value = list.month.clone().unwrap_or_else(|| f.month.clone());
                    let kept = f.clone();
                    view! {
                        <p class="view-switch">
                            {match month {
                                Some(_) => view! { <a href="/sessions">"Voir la liste des sessions à venir"</a> }.into_any(),
                                None => view! {
                                    <a href=month_href(Month::parse(&f.month), &f)>"Voir le calendrier du mois"</a>
                                }.into_any(),
                            }}
                        </p>
                        <Form method="GET" action="">
                            <fieldset>
                                <legend>"Filtrer les sessions"</legend>
                                <label for="filtre-module">"Module"</label>
                                <select id="filtre-module" name="module">
                                    <option value="">"Tous les modules"</option>
                                    {list.modules.iter().map(|m| view! {
                                        <option value=m.id selected=f.module == m.id.to_string()>{m.label.clone()}</option>
                                    }).collect_view()}
                                </select>
                                <label for="filtre-mode">"Modalité"</label>
                                <select id="filtre-mode" name="mode">
                                    <option value="">"Toutes les modalités"</option>
                                    {Mode::ALL.into_iter().map(|m| view! {
                                        <option value=m.code() selected=f.mode == m.code()>{m.label()}</option>
                                    }).collect_view()}
                                </select>
                                <label for="filtre-mois">"Mois (AAAA-MM)"</label>
                                <input id="filtre-mois" type="month" name="mois" value=month_value/>
                                {month.is_some().then(|| view! { <input type="hidden" name="vue" value="mois"/> })}
                                <p><button type="submit">"Filtrer"</button></p>
                            </fieldset>
                        </Form>
                        {if let Some(month) = month {
                            view! { <MonthCalendar month days=list.month_days filter=kept/> }.into_any()
                        } else if list.sessions.is_empty() {
                            view! { <p>"Aucune session à venir ne correspond à ces critères."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="card-list">
                                    {list.sessions.into_iter().map(|s| view! { <SessionCard session=s/> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    }
                    })
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn SessionCard(session: SessionSummary) -> impl IntoView {
    let cancelled = session.status == Status::Cancelled;
    view! {
        <li class="card">
            <p class="card__meta">{session.module_title.clone()}</p>
            <h2><a href=format!("/sessions/{}", session.id)>{session.title.clone()}</a></h2>
            {cancelled.then(|| view! { <p><strong class="badge">"Session annulée"</strong></p> })}
            <p>{session.mode.label()}{session.place.clone().map(|p| format!(" · {p}"))}</p>
            <ul>
                {session.slots.iter().map(|s| view! { <li>{slot_text(s)}</li> }).collect_view()}
            </ul>
            {(!cancelled).then(|| view! { <p><strong>{seats_text(&session)}</strong></p> })}
        </li>
    }
}
