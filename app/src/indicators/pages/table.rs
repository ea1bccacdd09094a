//! One indicator table as HTML (the same table the exports write), with its
//! CSV download.

use leptos::prelude::*;

use crate::indicators::rules::tables::{Cell, Table};
use crate::layout::TableFrame;

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
    let download = format!("« {} » en CSV", table.title);
    let colspan = table.headers.len().to_string();
    view! {
        <TableFrame caption=table.title columns=table.headers>
            {table.rows.is_empty().then(|| view! {
                <tr><td colspan=colspan>"Aucune donnée pour cette sélection."</td></tr>
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
        </TableFrame>
        <p class="download"><a href=href download="">{download}</a></p>
    }
}
