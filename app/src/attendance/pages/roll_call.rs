//! The roll call of one half-day (`/sessions/:id/appel/:slot_id`), for the
//! session's trainers and the coordinator, made for a phone: one row per
//! confirmed learner with four large buttons (see [`super::roll_call_row`]),
//! the check-in code of distance half-days, and the signature.

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::roll_call_row::RollCallRow;
use crate::attendance::api::{ConfirmSlot, NewCheckinCode, get_roll_call};
use crate::attendance::types::RollCall;
use crate::error::AppError;
use crate::forms::ActionError;
use crate::sessions::types::slot_text;

#[component]
pub fn RollCallPage() -> impl IntoView {
    let params = use_params_map();
    let sign = ServerAction::<ConfirmSlot>::new();
    let new_code = ServerAction::<NewCheckinCode>::new();
    let roll = Resource::new(
        move || {
            let p = params.read();
            let id = |k: &str| p.get(k).and_then(|v| v.parse::<i32>().ok());
            (id("id"), id("slot_id"), sign.version().get())
        },
        |(id, slot, _)| async move {
            get_roll_call(
                id.ok_or(AppError::NotFound)?,
                slot.ok_or(AppError::NotFound)?,
            )
            .await
        },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                roll.await.map(|r| view! { <RollCallView roll=r sign new_code/> })
            })}
        </Suspense>
    }
}

fn unit<T>(r: Option<Result<T, AppError>>) -> Option<Result<(), AppError>> {
    r.map(|r| r.map(|_| ()))
}

#[component]
fn RollCallView(
    roll: RollCall,
    sign: ServerAction<ConfirmSlot>,
    new_code: ServerAction<NewCheckinCode>,
) -> impl IntoView {
    let (session_id, slot_id) = (roll.session_id, roll.slot_id);
    let when = slot_text(&roll.slot);
    let count = roll.lines.len();
    view! {
        <Title text=format!("Appel — {}", roll.session_title)/>
        <section class="page roll-call">
            <nav aria-label="Fil d’Ariane" class="breadcrumb">
                <a href="/sessions">"Sessions"</a>" › "
                <a href=format!("/sessions/{session_id}")>{roll.session_title.clone()}</a>
            </nav>
            <h1>"Appel"</h1>
            <p class="lead">{when}</p>
            {roll.signed.clone().map(|s| view! { <p class="notice notice--ok">{s}"."</p> })}
            {roll.codes.then(|| view! {
                <CodePanel session_id slot_id until=roll.code_until.clone() new_code/>
            })}
            <h2>{format!("Participant·es confirmé·es : {count}")}</h2>
            {(count == 0).then(|| view! { <p>"Personne n’est encore inscrit·e à cette session."</p> })}
            <ul class="roll-call__list">
                {roll.lines.into_iter().map(|line| view! {
                    <li class="roll-call__row"><RollCallRow line session_id slot_id/></li>
                }).collect_view()}
            </ul>
            <h2>"Signature"</h2>
            {match (roll.signed.is_some(), roll.may_sign) {
                (true, _) => view! {
                    <p>"Les présences restent modifiables : chaque modification est enregistrée dans le journal."</p>
                }.into_any(),
                (false, true) => view! {
                    <ActionForm action=sign>
                        <input type="hidden" name="input[session_id]" value=session_id/>
                        <input type="hidden" name="input[slot_id]" value=slot_id/>
                        <button type="submit" class="roll-call__sign">"Signer l’appel de cette demi-journée"</button>
                    </ActionForm>
                }.into_any(),
                (false, false) => view! {
                    <p>"L’appel se signe une fois la demi-journée commencée."</p>
                }.into_any(),
            }}
            <ActionError result=Signal::derive(move || unit(sign.value().get()))/>
        </section>
    }
}

/// The check-in code of a distance or hybrid half-day: shown once, after
/// « Nouveau code » (only its hash is stored, so a reload cannot show it).
#[component]
fn CodePanel(
    session_id: i32,
    slot_id: i32,
    until: Option<String>,
    new_code: ServerAction<NewCheckinCode>,
) -> impl IntoView {
    let shown = move || new_code.value().get().and_then(Result::ok);
    view! {
        <section class="checkin-panel" aria-labelledby="code-titre">
            <h2 id="code-titre">"Code de présence"</h2>
            <p>
                "Les participant·es à distance saisissent ce code sur la page de la session, de 15 minutes avant le début jusqu’à la fin de la demi-journée. "
                "Il est valable 5 minutes ; « Nouveau code » le remplace aussitôt."
            </p>
            <div aria-live="polite">
                {move || match shown() {
                    Some(c) => view! {
                        <p class="checkin-code">
                            <span class="visually-hidden">"Code : "</span>
                            {format!("{} {}", &c.code[..3], &c.code[3..])}
                        </p>
                        <p>{format!("Valable jusqu’à {}.", c.valid_until)}</p>
                    }.into_any(),
                    None => until.clone().map(|u| view! {
                        <p>{format!("Un code est valable jusqu’à {u} ; créez-en un nouveau pour l’afficher.")}</p>
                    }).into_any(),
                }}
            </div>
            <ActionForm action=new_code>
                <input type="hidden" name="input[session_id]" value=session_id/>
                <input type="hidden" name="input[slot_id]" value=slot_id/>
                <button type="submit">"Nouveau code"</button>
            </ActionForm>
            <noscript><p>"L’affichage du code demande JavaScript : le code n’est conservé que sous forme chiffrée."</p></noscript>
            <ActionError result=Signal::derive(move || unit(new_code.value().get()))/>
        </section>
    }
}
