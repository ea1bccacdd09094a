//! One session: practical details, slots and trainers; the enrol or cancel
//! button and the person's own status; for its trainers and the coordinator,
//! the lists of confirmed and waiting people and the management forms.

use crate::layout::{TableFrame, Title};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::notice::DoneNotice;
use super::seats_text;
use crate::accounts::rules::verification::ENROLMENT_NEEDS_ADDRESS;
use crate::attendance::api::get_attendance;
use crate::attendance::pages::{MyPresence, PresenceActions, PresenceTableView};
use crate::attendance::types::SessionAttendance;
use crate::error::AppError;
use crate::forms::ActionError;
use crate::sessions::api::{
    AddLearners, CancelEnrolment, CancelSession, DeleteSession, DuplicateSession, Enrol,
    ReopenSession, get_session,
};
use crate::sessions::rules::changes::{DELETE_CONFIRMATION, REASON_MAX_CHARS};
use crate::sessions::rules::{EnrolmentStatus, Status};
use crate::sessions::types::{RosterLine, SessionDetail, slot_text};

#[derive(Clone, Copy)]
struct Actions {
    enrol: ServerAction<Enrol>,
    cancel_enrolment: ServerAction<CancelEnrolment>,
    add: ServerAction<AddLearners>,
    cancel: ServerAction<CancelSession>,
    duplicate: ServerAction<DuplicateSession>,
    reopen: ServerAction<ReopenSession>,
    delete: ServerAction<DeleteSession>,
    presence: PresenceActions,
}

#[component]
pub fn SessionPage() -> impl IntoView {
    let params = use_params_map();
    let actions = Actions {
        enrol: ServerAction::new(),
        cancel_enrolment: ServerAction::new(),
        add: ServerAction::new(),
        cancel: ServerAction::new(),
        duplicate: ServerAction::new(),
        reopen: ServerAction::new(),
        delete: ServerAction::new(),
        presence: PresenceActions::default(),
    };
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i32>().ok())
    };
    let session = Resource::new(
        move || {
            (
                id(),
                actions.enrol.version().get(),
                actions.cancel_enrolment.version().get(),
                actions.add.version().get(),
                actions.cancel.version().get(),
                actions.reopen.version().get(),
            )
        },
        |(id, ..)| async move { get_session(id.ok_or(AppError::NotFound)?).await },
    );
    let p = actions.presence;
    let attendance = Resource::new(
        move || {
            (
                id(),
                actions.enrol.version().get(),
                actions.cancel_enrolment.version().get(),
                p.check_in.version().get(),
                p.apologise.version().get(),
                p.withdraw.version().get(),
            )
        },
        |(id, ..)| async move { get_attendance(id.ok_or(AppError::NotFound)?).await },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                // Both read here, one after the other: nested Suspense blocks each
                // awaiting the same resource could leave the server render waiting.
                let detail = session.await;
                let attendance = attendance.await.ok();
                detail.map(|d| view! { <SessionView detail=d actions attendance/> })
            })}
        </Suspense>
    }
}

fn unit<T>(r: Option<Result<T, AppError>>) -> Option<Result<(), AppError>> {
    r.map(|r| r.map(|_| ()))
}

#[component]
fn SessionView(
    detail: SessionDetail,
    actions: Actions,
    attendance: Option<SessionAttendance>,
) -> impl IntoView {
    let s = detail.summary.clone();
    let id = s.id.to_string();
    let cancelled = s.status == Status::Cancelled;
    view! {
        <Title text=s.title.clone()/>
        <section class="page">
            <nav aria-label="Fil d’Ariane" class="breadcrumb"><a href="/sessions">"Sessions"</a></nav>
            <h1>{s.title.clone()}</h1>
            <DoneNotice/>
            <p class="lead"><a href=format!("/formations/{}", detail.module_slug)>{s.module_title.clone()}</a></p>
            {cancelled.then(|| view! {
                <p class="notice notice--error" role="status">
                    <strong>"Session annulée."</strong>
                    {detail.cancel_reason.clone().map(|r| format!(" Motif : {r}"))}
                </p>
            })}
            <dl class="facts">
                <dt>"Statut"</dt><dd>{s.status.label()}</dd>
                <dt>"Modalité"</dt><dd>{s.mode.label()}</dd>
                {detail.place_address.clone().map(|a| view! { <dt>"Adresse"</dt><dd>{a}</dd> })}
                {detail.place_room.clone().map(|r| view! { <dt>"Salle"</dt><dd>{r}</dd> })}
                {s.mode.has_visio().then(|| view! {
                    <dt>"Visioconférence"</dt>
                    <dd>{match detail.visio_url.clone() {
                        Some(url) => view! { <a href=url.clone()>{url.clone()}</a> }.into_any(),
                        None => "Le lien est envoyé avec la convocation.".into_any(),
                    }}</dd>
                })}
                <dt>"Formateur·rices"</dt><dd>{detail.trainers.join(", ")}</dd>
                <dt>"Places"</dt><dd>{seats_text(&s)}</dd>
                {detail.enrolment_deadline.clone().map(|d| view! { <dt>"Inscriptions jusqu’au"</dt><dd>{d}</dd> })}
                <dt>"Programme"</dt><dd>{detail.programme_year}</dd>
            </dl>
            <h2>"Créneaux (heure de Paris)"</h2>
            <ul>{s.slots.iter().map(|sl| view! { <li>{slot_text(sl)}</li> }).collect_view()}</ul>

            <h2>"Inscription"</h2>
            <ActionError result=Signal::derive(move || unit(actions.enrol.value().get()))/>
            <ActionError result=Signal::derive(move || unit(actions.cancel_enrolment.value().get()))/>
            <MyStatus detail=detail.clone() actions/>
            {attendance.clone().and_then(|a| a.mine).map(|mine| view! {
                <MyPresence mine session_id=s.id actions=actions.presence/>
            })}

            {detail.can_manage.then(|| view! {
                <Management detail=detail.clone() actions id=id.clone() cancelled/>
                <h3>"Présences"</h3>
                {attendance.clone().and_then(|a| a.table).map(|table| view! {
                    <PresenceTableView table session_id=s.id/>
                })}
            })}
        </section>
    }
}

#[component]
fn MyStatus(detail: SessionDetail, actions: Actions) -> impl IntoView {
    let id = detail.summary.id.to_string();
    let mine = detail
        .mine
        .clone()
        .filter(|m| m.status != EnrolmentStatus::Cancelled);
    match (detail.signed_in, mine) {
        (false, _) => view! {
            <p><a href="/connexion">"Connectez-vous"</a>" pour vous inscrire."</p>
        }.into_any(),
        (true, Some(m)) => view! {
            <p><strong>{m.status.label()}</strong>"."</p>
            {(m.status == EnrolmentStatus::Confirmed).then(|| view! {
                <p><a href=format!("/sessions/{id}/auto-evaluation")>"Mon auto-évaluation et mes questionnaires"</a></p>
            })}
            {m.may_cancel.then(|| view! {
                <ActionForm action=actions.cancel_enrolment>
                    <input type="hidden" name="input[enrolment_id]" value=m.id/>
                    <button type="submit" class="button--secondary">"Annuler mon inscription"</button>
                </ActionForm>
            })}
        }.into_any(),
        (true, None) if detail.enrolment_open && detail.email_unconfirmed => view! {
            <p>{ENROLMENT_NEEDS_ADDRESS}</p>
            <p><a href="/profil">"Mon profil"</a></p>
        }.into_any(),
        (true, None) if detail.enrolment_open => view! {
            <ActionForm action=actions.enrol>
                <input type="hidden" name="input[session_id]" value=id/>
                <button type="submit">
                    {if detail.summary.remaining > 0 { "M’inscrire" } else { "M’inscrire sur la liste d’attente" }}
                </button>
            </ActionForm>
        }.into_any(),
        (true, None) => view! { <p>"Les inscriptions à cette session sont closes."</p> }.into_any(),
    }
}

#[component]
fn Management(
    detail: SessionDetail,
    actions: Actions,
    id: String,
    cancelled: bool,
) -> impl IntoView {
    let (confirmed, waiting): (Vec<RosterLine>, Vec<RosterLine>) = detail
        .roster
        .iter()
        .cloned()
        .partition(|l| l.status == EnrolmentStatus::Confirmed);
    let report = move || actions.add.value().get().and_then(Result::ok);
    let edit = format!("/sessions/{id}/modifier");
    let held = detail.summary.status == Status::Held;
    let edit_label = if held {
        "Corriger la session réalisée"
    } else {
        "Modifier la session"
    };
    let editable = detail.form.is_some() && !cancelled;
    let can_reopen = detail.can_reopen;
    let sheet = format!("/exports/sessions/{id}/emargement");
    let questionnaires = format!("/sessions/{id}/questionnaires");
    let certificates = format!("/sessions/{id}/certificats");
    let (id_dup, id_add, id_cancel) = (id.clone(), id.clone(), id.clone());
    let (id_reopen, id_delete) = (id.clone(), id);
    view! {
        <h2>"Gestion de la session"</h2>
        <p>
            {editable.then(|| view! { <a href=edit.clone()>{edit_label}</a> })}
        </p>
        <p><a href=questionnaires>"Questionnaires : auto-évaluation, évaluations à chaud et à froid"</a></p>
        <ActionForm action=actions.duplicate attr:class="inline-form">
            <input type="hidden" name="input[session_id]" value=id_dup/>
            <button type="submit" class="button--secondary">"Dupliquer la session"</button>
        </ActionForm>
        <ActionError result=Signal::derive(move || unit(actions.duplicate.value().get()))/>
        <Roster caption="Inscriptions confirmées" lines=confirmed actions/>
        <Roster caption="Liste d’attente (par ordre d’inscription)" lines=waiting actions/>
        <h3>"Feuille d’émargement"</h3>
        <ul>
            <li><a href=format!("{sheet}.pdf") download="">"Télécharger la feuille d’émargement (PDF)"</a></li>
            <li><a href=format!("{sheet}.csv") download="">"Télécharger la feuille d’émargement (CSV)"</a></li>
            <li><a href=format!("{sheet}.zip") download="">"Tout télécharger en une fois (ZIP : PDF et CSV)"</a></li>
        </ul>
        <h3>"Certificats de réalisation"</h3>
        <p><a href=certificates>"Éligibilité et délivrance des certificats"</a></p>
        {(!cancelled).then(|| view! {
            <h3>"Ajouter des participant·es"</h3>
            <ActionForm action=actions.add>
                <input type="hidden" name="input[session_id]" value=id_add.clone()/>
                <label for="emails">"Adresses e-mail des personnes à inscrire"</label>
                <p class="field-hint" id="emails-aide">"Une par ligne, ou séparées par des virgules. Seules les personnes ayant un compte sont inscrites."</p>
                <textarea id="emails" name="input[emails]" rows="5" aria-describedby="emails-aide"></textarea>
                <p><button type="submit">"Inscrire ces personnes"</button></p>
            </ActionForm>
            <ActionError result=Signal::derive(move || unit(actions.add.value().get()))/>
            <div aria-live="polite">
                {move || report().map(|r| view! {
                    <p class="notice notice--ok">
                        {format!("{} inscription(s) confirmée(s), {} sur liste d’attente, {} déjà inscrite(s).", r.confirmed, r.waiting, r.already)}
                    </p>
                    {(!r.unknown.is_empty()).then(|| view! {
                        <p class="notice notice--error">"Sans compte, non inscrites : "{r.unknown.join(", ")}</p>
                    })}
                })}
            </div>
            <h3>"Annuler la session"</h3>
            <ActionForm action=actions.cancel>
                <input type="hidden" name="input[session_id]" value=id_cancel.clone()/>
                <label for="reason">"Motif de l’annulation (obligatoire)"</label>
                <textarea id="reason" name="input[reason]" rows="3" required maxlength=REASON_MAX_CHARS></textarea>
                <p><button type="submit" class="button--danger">"Annuler la session"</button></p>
            </ActionForm>
            <ActionError result=Signal::derive(move || unit(actions.cancel.value().get()))/>
        })}
        {can_reopen.then(|| view! {
            <h3>"Rétablir la session"</h3>
            <p>"La session a finalement lieu : elle redevient prévue et les personnes encore inscrites ou en attente sont prévenues par e-mail."</p>
            <ActionForm action=actions.reopen>
                <input type="hidden" name="input[session_id]" value=id_reopen.clone()/>
                <label for="reopen-reason">"Motif du rétablissement (obligatoire)"</label>
                <textarea id="reopen-reason" name="input[reason]" rows="3" required maxlength=REASON_MAX_CHARS></textarea>
                <p><button type="submit">"Rétablir la session"</button></p>
            </ActionForm>
            <ActionError result=Signal::derive(move || unit(actions.reopen.value().get()))/>
        })}
        {(!held).then(|| view! {
            <h3>"Supprimer la session"</h3>
            <p>"Seulement pour une session où personne n’est inscrit ni en attente, sans émargement : elle disparaît définitivement."</p>
            <ActionForm action=actions.delete>
                <input type="hidden" name="input[session_id]" value=id_delete.clone()/>
                <p>
                    <input type="checkbox" id="delete-confirm" name="input[confirm]" value=DELETE_CONFIRMATION required/>
                    <label for="delete-confirm">"Je confirme la suppression définitive"</label>
                </p>
                <p><button type="submit" class="button--danger">"Supprimer la session"</button></p>
            </ActionForm>
            <ActionError result=Signal::derive(move || unit(actions.delete.value().get()))/>
        })}
    }
}

#[component]
fn Roster(caption: &'static str, lines: Vec<RosterLine>, actions: Actions) -> impl IntoView {
    view! {
        <TableFrame caption=format!("{caption} : {}", lines.len()) columns=&["Nom", "Adresse e-mail", "Structure", "Action"]>
            {lines.into_iter().map(|l| view! {
                <tr>
                    <th scope="row">{l.name.clone()}</th>
                    <td>{l.email.clone().unwrap_or_default()}</td>
                    <td>{l.structure.clone().unwrap_or_default()}</td>
                    <td>
                        <ActionForm action=actions.cancel_enrolment attr:class="inline-form">
                            <input type="hidden" name="input[enrolment_id]" value=l.enrolment_id/>
                            <button type="submit" class="button--secondary">
                                {format!("Annuler l’inscription de {}", l.name)}
                            </button>
                        </ActionForm>
                    </td>
                </tr>
            }).collect_view()}
        </TableFrame>
    }
}
