//! The month view of the calendar: a table from Monday to Sunday where each
//! day lists the sessions held then (a few, the others counted:
//! `rules/month_days.rs`), with plain links to the previous and next months
//! (no JavaScript needed).

use leptos::prelude::*;

use crate::calendar::french_month;
use crate::sessions::rules::Mode;
use crate::sessions::rules::month::{Month, WEEKDAYS};
use crate::sessions::rules::month_days::MonthDay;
use crate::sessions::types::ListFilter;

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
pub fn MonthCalendar(month: Month, days: Vec<MonthDay>, filter: ListFilter) -> impl IntoView {
    let name = french_month(month.year, month.month);
    let (previous, next) = (month.previous(), month.next());
    view! {
        <nav class="month-nav" aria-label="Changer de mois">
            <a href=month_href(Some(previous), &filter)>{format!("← {}", french_month(previous.year, previous.month))}</a>
            <a href=month_href(Some(next), &filter)>{format!("{} →", french_month(next.year, next.month))}</a>
        </nav>
        {days.is_empty().then(|| view! { <p>{format!("Aucune session en {name} ne correspond à ces critères.")}</p> })}
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
                                let found = days
                                    .iter()
                                    .find(|d| day.in_month && d.day == day.date)
                                    .cloned();
                                view! {
                                    <td class:month__other=!day.in_month>
                                        <time class="month__day" datetime=day.date.format("%Y-%m-%d").to_string()>
                                            {day.date.format("%-d").to_string()}
                                        </time>
                                        {found.map(|found| view! {
                                            <ul class="month__sessions">
                                                {found.entries.into_iter().map(|e| view! {
                                                    <li>
                                                        <a href=format!("/sessions/{}", e.session_id)>
                                                            {format!("{} : {}", e.part.label(), e.title)}
                                                        </a>
                                                        {e.cancelled.then_some(" (annulée)")}
                                                    </li>
                                                }).collect_view()}
                                                {(found.more > 0).then(|| view! {
                                                    <li>{format!("et {} autre(s) session(s)", found.more)}</li>
                                                })}
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
