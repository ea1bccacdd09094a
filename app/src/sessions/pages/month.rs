//! The month view of the calendar: a table from Monday to Sunday where each
//! day lists the half-days of the sessions held then, with plain links to the
//! previous and next months (no JavaScript needed).

use leptos::prelude::*;

use crate::calendar::french_month;
use crate::sessions::rules::month::{GridDay, Month, WEEKDAYS};
use crate::sessions::rules::{HalfDay, Mode, Status};
use crate::sessions::types::{ListFilter, SessionSummary};

/// One half-day of a session, in a day cell.
#[derive(Clone)]
struct Entry {
    half_day: HalfDay,
    session_id: i32,
    title: String,
    cancelled: bool,
}

fn entries(sessions: &[SessionSummary], day: GridDay) -> Vec<Entry> {
    if !day.in_month {
        return Vec::new();
    }
    let mut found: Vec<Entry> = sessions
        .iter()
        .flat_map(|s| {
            s.slots
                .iter()
                .filter(|slot| slot.day == day.date)
                .map(|slot| Entry {
                    half_day: slot.half_day,
                    session_id: s.id,
                    title: s.title.clone(),
                    cancelled: s.status == Status::Cancelled,
                })
        })
        .collect();
    found.sort_by_key(|e| (e.half_day != HalfDay::Morning, e.session_id));
    found
}

/// `/sessions?vue=mois&mois=2026-12`, keeping the valid module and mode
/// filters (without a month: the current one).
pub fn month_href(month: Option<Month>, filter: &ListFilter) -> String {
    let mut href = "/sessions?vue=mois".to_owned();
    if let Some(month) = month {
        href.push_str(&format!("&mois={}", month.code()));
    }
    if let Ok(module) = filter.module.trim().parse::<i32>() {
        href.push_str(&format!("&module={module}"));
    }
    if let Some(mode) = Mode::from_code(filter.mode.trim()) {
        href.push_str(&format!("&mode={}", mode.code()));
    }
    href
}

#[component]
pub fn MonthCalendar(
    month: Month,
    sessions: Vec<SessionSummary>,
    filter: ListFilter,
) -> impl IntoView {
    let name = french_month(month.year, month.month);
    let (previous, next) = (month.previous(), month.next());
    view! {
        <nav class="month-nav" aria-label="Changer de mois">
            <a href=month_href(Some(previous), &filter)>{format!("← {}", french_month(previous.year, previous.month))}</a>
            <a href=month_href(Some(next), &filter)>{format!("{} →", french_month(next.year, next.month))}</a>
        </nav>
        {sessions.is_empty().then(|| view! { <p>{format!("Aucune session en {name} ne correspond à ces critères.")}</p> })}
        <div class="table-scroll">
            <table class="month">
                <caption>{format!("Calendrier des sessions, {name}")}</caption>
                <thead><tr>
                    {WEEKDAYS.into_iter().map(|(short, full)| view! {
                        <th scope="col" abbr=full>{short}</th>
                    }).collect_view()}
                </tr></thead>
                <tbody>
                    {month.weeks().into_iter().map(|week| view! {
                        <tr>
                            {week.into_iter().map(|day| {
                                let found = entries(&sessions, day);
                                view! {
                                    <td class:month__other=!day.in_month>
                                        <time class="month__day" datetime=day.date.format("%Y-%m-%d").to_string()>
                                            {day.date.format("%-d").to_string()}
                                        </time>
                                        {(!found.is_empty()).then(|| view! {
                                            <ul class="month__sessions">
                                                {found.into_iter().map(|e| view! {
                                                    <li>
                                                        <a href=format!("/sessions/{}", e.session_id)>
                                                            {format!("{} : {}", e.half_day.label(), e.title)}
                                                        </a>
                                                        {e.cancelled.then_some(" (annulée)")}
                                                    </li>
                                                }).collect_view()}
                                            </ul>
                                        })}
                                    </td>
                                }
                                // Erased: the grid's nested view type is deeper than the
                                // compiler's query limit in the release browser build.
                                .into_any()
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
