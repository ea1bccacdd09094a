//! One learner on the roll call: four buttons, each a small form that posts
//! to `sessions/set_mark` (so the page works without JavaScript: the server
//! redirects back). It is an island: with JavaScript a tap shows the new status at once,
//! saves it in the background and says « Enregistré »; a failed save (lost
//! connection, server unavailable) is announced and retried with growing
//! delays, so a poor connection does not lose marks. A newer tap on the same
//! row supersedes a pending retry.

use std::time::Duration;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::attendance::api::{SetMark, set_mark};
use crate::attendance::rules::Attendance;
use crate::attendance::types::{MarkInput, RollCallLine};
use crate::error::AppError;

/// Retries after the first failure, waiting 1, 2, 4, 8 then 16 seconds.
const RETRIES: u32 = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Save {
    Idle,
    Saving,
    Saved,
    Retrying,
    Failed(String),
}

#[derive(Clone, Copy)]
struct Row {
    current: RwSignal<Option<Attendance>>,
    save: RwSignal<Save>,
    /// Bumped by each tap; an older save that finishes late is ignored.
    generation: RwSignal<u32>,
}

/// Worth another try: the request did not get through, or the server failed.
fn retryable(e: &AppError) -> bool {
    matches!(e, AppError::Transport | AppError::Internal)
}

fn send(row: Row, input: MarkInput, generation: u32, attempt: u32) {
    leptos::task::spawn_local(async move {
        let result = set_mark(input.clone()).await;
        if row.generation.try_get_untracked() != Some(generation) {
            return;
        }
        match result {
            Ok(_) => row.save.set(Save::Saved),
            Err(e) if retryable(&e) && attempt < RETRIES => {
                row.save.set(Save::Retrying);
                set_timeout(
                    move || send(row, input, generation, attempt + 1),
                    Duration::from_secs(1 << attempt),
                );
            }
            Err(e) if retryable(&e) => row.save.set(Save::Failed(
                "Échec de l’enregistrement : vérifiez la connexion puis touchez de nouveau le statut."
                    .to_owned(),
            )),
            Err(e) => row.save.set(Save::Failed(e.to_string())),
        }
    });
}

/// The inside of the row's `<li>` (the island's own element may not sit
/// directly in the `<ul>`).
#[island]
pub fn RollCallRow(line: RollCallLine, session_id: i32, slot_id: i32) -> impl IntoView {
    let row = Row {
        current: RwSignal::new(line.status),
        save: RwSignal::new(Save::Idle),
        generation: RwSignal::new(0),
    };
    let enrolment_id = line.enrolment_id;
    let tap = move |status: Attendance| {
        let generation = row.generation.get_untracked() + 1;
        row.generation.set(generation);
        row.current.set(Some(status));
        row.save.set(Save::Saving);
        let input = MarkInput {
            session_id,
            slot_id,
            enrolment_id,
            status: Some(status),
        };
        send(row, input, generation, 0);
    };
    let name = line.name.clone();
    view! {
            <p class="roll-call__who">
                <strong>{line.name.clone()}</strong>
                {line.structure.clone().map(|s| view! { <span class="roll-call__structure">{s}</span> })}
            </p>
            {line.apology.clone().map(|note| view! {
                <p class="roll-call__apology">
                    {if note.is_empty() { "Excuse envoyée".to_owned() } else { format!("Excuse envoyée : {note}") }}
                </p>
            })}
            <div class="roll-call__buttons" role="group" aria-label=format!("Présence de {name}")>
                {Attendance::ALL.into_iter().map(|a| view! {
                    <form
                        method="post"
                        action=SetMark::url()
                        on:submit=move |ev: SubmitEvent| {
                            ev.prevent_default();
                            tap(a);
                        }
                    >
                        <input type="hidden" name="input[session_id]" value=session_id/>
                        <input type="hidden" name="input[slot_id]" value=slot_id/>
                        <input type="hidden" name="input[enrolment_id]" value=enrolment_id/>
                        <input type="hidden" name="input[status]" value=a.code()/>
                        <button
                            type="submit"
                            class=format!("roll-call__button roll-call__button--{}", a.code())
                            aria-pressed=move || (row.current.get() == Some(a)).to_string()
                        >
                            {a.label()}
                        </button>
                    </form>
                }).collect_view()}
            </div>
            <p
                role="status"
                class=move || match row.save.get() {
                    Save::Retrying | Save::Failed(_) => "roll-call__state roll-call__state--error",
                    _ => "roll-call__state",
                }
            >
                {move || match row.save.get() {
                    Save::Idle => String::new(),
                    Save::Saving => "Enregistrement…".to_owned(),
                    Save::Saved => "Enregistré".to_owned(),
                    Save::Retrying => "Échec de l’enregistrement — nouvel essai…".to_owned(),
                    Save::Failed(m) => m,
                }}
            </p>
    }
}
