//! One indicator table as HTML (the same table the exports write), with its
//! CSV download.

use leptos::prelude::*;

use crate::indicators::rules::tables::{Cell, Table};

fn shown(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.clone(),
        Cell::Int(n) => n.to_string(),
        Cell::Real(v) => format!("{v:.1}").replace('.', ","),
        Cell::Percent(v) => format!("{:.0}\u{202f}%", v * 100.0),
        Cell::Blank => "—".to_owned(),
    }
}

#[component]
pub fn DataTable(table: Table, href: String) -> impl IntoView {
    let empty = table.rows.is_empty();
    view! {
        <div class="table-scroll">
            <table>
                <caption>{table.title.clone()}</caption>
                <thead>
                    <tr>{table.headers.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {empty.then(|| view! {
                        <tr><td colspan=table.headers.len().to_string()>"Aucune donnée pour cette sélection."</td></tr>
                    })}
                    {table.rows.iter().map(|row| view! {
                        <tr>
                            {row.iter().enumerate().map(|(i, c)| if i == 0 {
                                view! { <th scope="row">{shown(c)}</th> }.into_any()
                            } else {
                                view! { <td>{shown(c)}</td> }.into_any()
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p class="download"><a href=href download="">{format!("« {} » en CSV", table.title)}</a></p>
    }
}
