//! The cohort's table: each confirmed learner, attendance, eligible or not
//! and why, and the certificate once issued (or revoked). For the
//! coordinator, each valid certificate has its revocation form: a required
//! reason and a required confirmation, checked again on the server.

use leptos::prelude::*;

use super::certificate_href;
use crate::certificates::api::RevokeCertificate;
use crate::certificates::rules::REASON_MAX_CHARS;
use crate::certificates::types::{CohortLine, IssuedView};

#[component]
pub fn CohortTable(
    lines: Vec<CohortLine>,
    session_id: i32,
    revoke: Option<ServerAction<RevokeCertificate>>,
) -> impl IntoView {
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
                    {lines.into_iter().map(|l| view! { <Line line=l session_id revoke/> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn Line(
    line: CohortLine,
    session_id: i32,
    revoke: Option<ServerAction<RevokeCertificate>>,
) -> impl IntoView {
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
                    Some(c) => view! { <Issued c session_id revoke/> }.into_any(),
                    None => view! { "—" }.into_any(),
                }}
            </td>
        </tr>
    }
}

/// An issued certificate: its link and date, or that it was revoked.
#[component]
fn Issued(
    c: IssuedView,
    session_id: i32,
    revoke: Option<ServerAction<RevokeCertificate>>,
) -> impl IntoView {
    if let Some(on) = c.revoked_on.clone() {
        return view! {
            {c.number.clone()}
            <br/>
            <strong class="badge">{format!("Révoqué le {on}")}</strong>
        }
        .into_any();
    }
    view! {
        <a href=certificate_href(c.certificate_id)>{c.number.clone()}</a>
        <br/>
        <span class="field-hint">{if c.revision > 1 {
            format!("Révision {} du {}", c.revision, c.issued_on)
        } else {
            format!("Délivré le {}", c.issued_on)
        }}</span>
        {revoke.map(|action| view! { <RevokeForm c=c.clone() session_id action/> })}
    }
    .into_any()
}

/// « Révoquer… »: folded until opened; works without JavaScript.
#[component]
fn RevokeForm(
    c: IssuedView,
    session_id: i32,
    action: ServerAction<RevokeCertificate>,
) -> impl IntoView {
    let reason_id = format!("motif-revocation-{}", c.certificate_id);
    let hint_id = format!("{reason_id}-aide");
    let confirm_id = format!("confirmer-revocation-{}", c.certificate_id);
    view! {
        <details class="revoke">
            <summary>{format!("Révoquer le certificat {}…", c.number)}</summary>
            <ActionForm action>
                <input type="hidden" name="input[session_id]" value=session_id/>
                <input type="hidden" name="input[certificate_id]" value=c.certificate_id/>
                <label for=reason_id.clone()>"Motif de la révocation (obligatoire)"</label>
                <p class="field-hint" id=hint_id.clone()>
                    {format!("Envoyé au ou à la titulaire par courriel, jamais affiché publiquement. {REASON_MAX_CHARS} caractères au plus.")}
                </p>
                <textarea
                    id=reason_id
                    name="input[reason]"
                    rows="3"
                    required
                    maxlength=REASON_MAX_CHARS.to_string()
                    aria-describedby=hint_id
                ></textarea>
                <p>
                    <input type="checkbox" id=confirm_id.clone() name="input[confirm]" value="true" required/>
                    <label for=confirm_id>"Je confirme la révocation : elle est définitive et le certificat ne sera plus valable."</label>
                </p>
                <button type="submit" class="button--danger">"Révoquer le certificat"</button>
            </ActionForm>
        </details>
    }
}
