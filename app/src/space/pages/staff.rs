//! The trainer's and the coordinator's parts of « Mon espace »: today's roll
//! calls, the sessions still to close, the upcoming sessions with their
//! enrolments, and the year against the programme.

use leptos::prelude::*;

use super::to_close::ToCloseList;
use crate::calendar::french_date;
use crate::error::AppError;
use crate::layout::TableFrame;
use crate::space::types::{CoordinatorHome, TrainerHome};

/// `None` when the signed-in person does not teach.
#[component]
pub fn TrainerHomeView(home: Resource<Result<Option<TrainerHome>, AppError>>) -> impl IntoView {
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                home.await.map(|home| home.map(|home| view! {
                    <h2>"Appels du jour"</h2>
                    {if home.roll_calls.is_empty() {
                        view! { <p>"Aucun appel à faire aujourd’hui."</p> }.into_any()
                    } else {
                        view! {
                            <ul>
                                {home.roll_calls.into_iter().map(|r| view! {
                                    <li>
                                        <a href=format!("/sessions/{}/appel/{}", r.session_id, r.slot_id)>
                                            {format!("Faire l’appel : {}, {} ({} – {})", r.title, r.slot.half_day.label().to_lowercase(), r.slot.starts, r.slot.ends)}
                                        </a>
                                        {r.confirmed.then_some(" · émargement signé")}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <ToCloseList sessions=home.to_close/>
                    <h2>"Mes prochaines sessions à animer"</h2>
                    {if home.upcoming.is_empty() {
                        view! { <p>"Aucune session à venir. "<a href="/sessions/nouvelle">"Planifier une session"</a></p> }.into_any()
                    } else {
                        view! {
                            <TableFrame caption="Inscriptions aux sessions que vous animez" columns=&["Session", "Début", "Inscrit·es / places", "Liste d’attente"]>
                                {home.upcoming.into_iter().map(|s| view! {
                                    <tr>
                                        <th scope="row"><a href=format!("/sessions/{}", s.session_id)>{s.title}</a>{format!(" ({})", s.mode.label().to_lowercase())}</th>
                                        <td>{s.first_slot.map(|f| french_date(f.day)).unwrap_or_default()}</td>
                                        <td>{format!("{} / {}", s.confirmed, s.capacity)}</td>
                                        <td>{s.waiting}</td>
                                    </tr>
                                }).collect_view()}
                            </TableFrame>
                        }.into_any()
                    }}
                }))
            })}
        </Suspense>
    }
}

/// `None` unless the signed-in person is the coordinator.
#[component]
pub fn CoordinatorHomeView(
    home: Resource<Result<Option<CoordinatorHome>, AppError>>,
) -> impl IntoView {
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                home.await.map(|home| home.map(|home| {
                    let total = |f: fn(&crate::space::types::ProgrammeLine) -> i64| home.lines.iter().map(f).sum::<i64>();
                    let totals = [
                        total(|l| l.programme),
                        total(|l| l.held),
                        total(|l| l.scheduled),
                        total(|l| l.cancelled),
                        total(|l| l.to_schedule),
                    ];
                    let pending = home.pending_erasures;
                    view! {
                        {(pending > 0).then(|| view! {
                            <p class="notice notice--error" role="status">
                                {if pending == 1 {
                                    "1 demande d’effacement de compte attend votre confirmation. ".to_owned()
                                } else {
                                    format!("{pending} demandes d’effacement de compte attendent votre confirmation. ")
                                }}
                                <a href="/coordination/comptes">"Voir les demandes dans « Comptes »"</a>
                            </p>
                        })}
                        <h2>{format!("Programme {}", home.year)}</h2>
                        <p><a href="/coordination/programme">"Saisir ou modifier le programme de l’année"</a></p>
                        <div class="table-scroll">
                            <table>
                                <caption>{format!("Sessions {} par module, au regard du programme prévisionnel", home.year)}</caption>
                                <thead><tr>
                                    <th scope="col">"Module"</th>
                                    <th scope="col">"Au programme"</th>
                                    <th scope="col">"Réalisées"</th>
                                    <th scope="col">"Prévues"</th>
                                    <th scope="col">"Annulées"</th>
                                    <th scope="col">"Reste à planifier"</th>
                                </tr></thead>
                                <tbody>
                                    {home.lines.into_iter().map(|l| view! {
                                        <tr>
                                            <th scope="row"><a href=format!("/sessions?module={}", l.module_id)>{l.module_title}</a></th>
                                            <td>{l.programme}</td>
                                            <td>{l.held}</td>
                                            <td>{l.scheduled}</td>
                                            <td>{l.cancelled}</td>
                                            <td>{l.to_schedule}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                                <tfoot><tr>
                                    <th scope="row">"Total"</th>
                                    {totals.into_iter().map(|t| view! { <td>{t}</td> }).collect_view()}
                                </tr></tfoot>
                            </table>
                        </div>
                        <p><a href="/sessions">"Voir les sessions"</a>" · "<a href="/sessions?vue=mois">"Calendrier du mois"</a></p>
                        <ToCloseList sessions=home.to_close/>
                    }
                }))
            })}
        </Suspense>
    }
}
