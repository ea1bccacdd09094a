//! The attendance parts of a session page: for those who manage it, a link
//! to the roll call of each half-day and the « Présences » table (learners
//! × half-days, rates); for a confirmed learner, « Ma présence » with the
//! check-in field of a distance half-day under way and the apologies.

use leptos::prelude::*;

use crate::attendance::api::{CheckIn, SendApology, WithdrawApology};
use crate::attendance::rules::Attendance;
use crate::attendance::types::{MyAttendance, MySlot, PresenceTable};
use crate::error::AppError;
use crate::forms::ActionError;
use crate::sessions::types::slot_text;

/// The actions of « Ma présence », created with the page so that their
/// results refresh it.
#[derive(Clone, Copy)]
pub struct PresenceActions {
    pub check_in: ServerAction<CheckIn>,
    pub apologise: ServerAction<SendApology>,
    pub withdraw: ServerAction<WithdrawApology>,
}

impl Default for PresenceActions {
    fn default() -> Self {
        PresenceActions {
            check_in: ServerAction::new(),
            apologise: ServerAction::new(),
            withdraw: ServerAction::new(),
        }
    }
}

fn unit<T>(r: Option<Result<T, AppError>>) -> Option<Result<(), AppError>> {
    r.map(|r| r.map(|_| ()))
}

fn status_text(status: Option<Attendance>) -> &'static str {
    status.map(Attendance::label).unwrap_or("Non renseignée")
}

fn rate_text(rate: Option<u8>) -> String {
    rate.map(|r| format!("{r}\u{a0}%"))
        .unwrap_or_else(|| "—".to_owned())
}

/// Links to each half-day's roll call and the « Présences » table.
#[component]
pub fn PresenceTableView(table: PresenceTable, session_id: i32) -> impl IntoView {
    let heads = table.slots.clone();
    view! {
        <h3>"Appel par demi-journée"</h3>
        <ul class="roll-call-links">
            {table.slots.iter().map(|s| view! {
                <li>
                    <a href=format!("/sessions/{session_id}/appel/{}", s.slot_id)>
                        {format!("Appel du {}", slot_text(&s.slot))}
                    </a>
                    {s.signed.then_some(" (signé)")}
                </li>
            }).collect_view()}
        </ul>
        <div class="table-scroll">
            <table>
                <caption>
                    "Présences — taux de la session : "{rate_text(table.rate)}
                    " (demi-journées commencées)"
                </caption>
                <thead><tr>
                    <th scope="col">"Participant·e"</th>
                    {heads.into_iter().map(|s| view! {
                        <th scope="col">{format!("{} {}", s.slot.day.format("%d/%m"), s.slot.half_day.label().to_lowercase())}</th>
                    }).collect_view()}
                    <th scope="col">"Taux"</th>
                </tr></thead>
                <tbody>
                    {table.rows.into_iter().map(|r| view! {
                        <tr>
                            <th scope="row">{r.name}</th>
                            {r.statuses.into_iter().map(|s| view! { <td>{status_text(s)}</td> }).collect_view()}
                            <td>{rate_text(r.rate)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// « Ma présence »: the caller's half-days, their rate, the check-in field
/// and the apologies.
#[component]
pub fn MyPresence(mine: MyAttendance, session_id: i32, actions: PresenceActions) -> impl IntoView {
    let recorded = move || actions.check_in.value().get().and_then(Result::ok);
    view! {
        <h2>"Ma présence"</h2>
        {mine.checkin_open.then(|| view! {
            <ActionForm action=actions.check_in attr:class="checkin-form">
                <input type="hidden" name="input[session_id]" value=session_id/>
                <label for="code-presence">"Code de présence"</label>
                <p class="field-hint" id="code-presence-aide">"Les 6 chiffres affichés par votre formatrice ou formateur."</p>
                <input
                    id="code-presence"
                    name="input[code]"
                    inputmode="numeric"
                    autocomplete="one-time-code"
                    maxlength="7"
                    required
                    aria-describedby="code-presence-aide"
                />
                <p><button type="submit">"Valider ma présence"</button></p>
            </ActionForm>
            <ActionError result=Signal::derive(move || unit(actions.check_in.value().get()))/>
            <div aria-live="polite">
                {move || recorded().map(|status| view! {
                    <p class="notice notice--ok">
                        {format!("Présence enregistrée : {}.", status.label())}
                    </p>
                })}
            </div>
        })}
        <p>{format!("Mon taux de présence : {}", rate_text(mine.rate))}</p>
        <ActionError result=Signal::derive(move || unit(actions.apologise.value().get()))/>
        <ActionError result=Signal::derive(move || unit(actions.withdraw.value().get()))/>
        <ul class="my-presence">
            {mine.slots.into_iter().map(|s| view! { <MySlotLine line=s session_id actions/> }).collect_view()}
        </ul>
    }
}

#[component]
fn MySlotLine(line: MySlot, session_id: i32, actions: PresenceActions) -> impl IntoView {
    let field = format!("motif-{}", line.slot_id);
    let status = match (&line.apology, line.status) {
        (Some(note), _) if !note.is_empty() => {
            format!("Absent·e excusé·e (excuse envoyée : {note})")
        }
        (Some(_), _) => "Absent·e excusé·e (excuse envoyée)".to_owned(),
        (None, s) => status_text(s).to_owned(),
    };
    view! {
        <li>
            <strong>{slot_text(&line.slot)}</strong>" : "{status}
            {line.may_withdraw.then(|| view! {
                <ActionForm action=actions.withdraw attr:class="inline-form">
                    <input type="hidden" name="input[session_id]" value=session_id/>
                    <input type="hidden" name="input[slot_id]" value=line.slot_id/>
                    <button type="submit" class="button--secondary">"Retirer mon excuse"</button>
                </ActionForm>
            })}
            {(line.may_apologise && !line.may_withdraw).then(|| view! {
                <details>
                    <summary>"Je serai absent·e à cette demi-journée"</summary>
                    <ActionForm action=actions.apologise>
                        <input type="hidden" name="input[session_id]" value=session_id/>
                        <input type="hidden" name="input[slot_id]" value=line.slot_id/>
                        <label for=field.clone()>"Motif (facultatif, 300 caractères au plus)"</label>
                        <textarea id=field.clone() name="input[reason]" rows="2" maxlength="300"></textarea>
                        <p><button type="submit">"Envoyer mon excuse"</button></p>
                    </ActionForm>
                </details>
            })}
        </li>
    }
}
