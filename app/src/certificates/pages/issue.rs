//! Issuing the cohort's certificates. Without JavaScript the form posts once
//! and the server issues them all (then redirects back). With JavaScript (it
//! is an island) the same button issues them 10 at a time, moving a
//! <progress> bar, so a large cohort shows where it stands and no request
//! runs long; then the page is loaded again, with every certificate in it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::certificates::api::{IssueCertificates, issue_certificates};
use crate::certificates::types::IssueInput;

const BATCH: u32 = 10;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Run {
    Idle,
    Running { done: usize, total: usize },
    Done { issued: usize },
    Failed(String),
}

fn start(session_id: i32, total: usize, run: RwSignal<Run>) {
    run.set(Run::Running { done: 0, total });
    leptos::task::spawn_local(async move {
        let mut count = 0;
        let mut left = total;
        loop {
            let input = IssueInput {
                session_id,
                batch: Some(BATCH),
            };
            match issue_certificates(input).await {
                Ok(report) => {
                    count += report.issued;
                    // Nothing moved: stop rather than loop on the same learners.
                    let stuck = report.remaining >= left && report.issued == 0;
                    left = report.remaining;
                    let total = total.max(count + left);
                    run.set(Run::Running {
                        done: total - left,
                        total,
                    });
                    if left == 0 || stuck {
                        break;
                    }
                }
                Err(e) => {
                    run.set(Run::Failed(e.to_string()));
                    return;
                }
            }
        }
        run.set(Run::Done { issued: count });
        // The table and the counts around the island come from the server.
        let _ = window().location().reload();
    });
}

#[island]
pub fn IssuePanel(session_id: i32, pending: usize) -> impl IntoView {
    let run = RwSignal::new(Run::Idle);
    let busy = move || matches!(run.get(), Run::Running { .. });
    view! {
        <section aria-labelledby="delivrer-titre">
            <h2 id="delivrer-titre">"Délivrer les certificats"</h2>
            <p>{match pending {
                0 => "Chaque participant·e éligible a son certificat à jour.".to_owned(),
                n => format!("{n} certificat(s) à délivrer ou à corriger. Chacun est envoyé par courriel avec le PDF joint."),
            }}</p>
            {(pending > 0).then(|| view! {
                <form
                    method="post"
                    action=IssueCertificates::url()
                    on:submit=move |ev: SubmitEvent| {
                        ev.prevent_default();
                        if !busy() {
                            start(session_id, pending, run);
                        }
                    }
                >
                    <input type="hidden" name="input[session_id]" value=session_id/>
                    <button type="submit" disabled=busy>"Délivrer les certificats"</button>
                </form>
            })}
            <div role="status" aria-live="polite">
                {move || match run.get() {
                    Run::Idle => ().into_any(),
                    Run::Running { done, total } => view! {
                        <label for="progression">{format!("Délivrance : {done} sur {total}")}</label>
                        " "
                        <progress id="progression" max=total.to_string() value=done.to_string()>
                            {format!("{done} sur {total}")}
                        </progress>
                    }.into_any(),
                    Run::Done { issued } => view! {
                        <p class="notice notice--ok">{format!("{issued} certificat(s) délivré(s).")}</p>
                    }.into_any(),
                    Run::Failed(message) => view! {
                        <p class="notice notice--error" role="alert">{message}</p>
                    }.into_any(),
                }}
            </div>
        </section>
    }
}
