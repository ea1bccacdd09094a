//! The cohort's table: each confirmed learner, attendance, eligible or not
//! and why, and the certificate once issued.

use leptos::prelude::*;

use super::certificate_href;
use crate::certificates::types::CohortLine;

#[component]
pub fn CohortTable(lines: Vec<CohortLine>) -> impl IntoView {
    if lines.is_empty() {
        return view! { <p>"Personne n’est encore inscrit·e à cette session."</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table>
                <caption class="visually-hidden">"Éligibilité au certificat de réalisation"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Participant·e"</th>
                        <th scope="col">"Présence"</th>
                        <th scope="col">"Éligibilité"</th>
                        <th scope="col">"Certificat"</th>
                    </tr>
                </thead>
                <tbody>
                    {lines.into_iter().map(|l| view! { <Line line=l/> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn Line(line: CohortLine) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">
                {line.name.clone()}
                {line.structure.clone().map(|s| view! { <br/><span class="field-hint">{s}</span> })}
            </th>
            <td>{line.attendance.clone()}</td>
            <td>
                {if line.eligible {
                    view! { <strong class="badge badge--done">"Éligible"</strong> }.into_any()
                } else {
                    view! {
                        <strong>"Non éligible"</strong>
                        <ul>{line.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                    }.into_any()
                }}
            </td>
            <td>
                {match line.certificate.clone() {
                    Some(c) => view! {
                        <a href=certificate_href(c.certificate_id)>{c.number.clone()}</a>
                        <br/>
                        <span class="field-hint">{if c.revision > 1 {
                            format!("Révision {} du {}", c.revision, c.issued_on)
                        } else {
                            format!("Délivré le {}", c.issued_on)
                        }}</span>
                    }.into_any(),
                    None => view! { "—" }.into_any(),
                }}
            </td>
        </tr>
    }
}
