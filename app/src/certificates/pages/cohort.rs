//! `/sessions/:id/certificats`: for the session's trainers and the
//! coordinator, the eligibility rule, every confirmed learner eligible or not
//! and why, the issuing of the cohort, the ZIP of all valid certificates
//! and, for the coordinator, revoking one.

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::issue::IssuePanel;
use super::lines::CohortTable;
use super::rule::RuleForm;
use crate::certificates::api::{RevokeCertificate, SetCertificateRule, get_cohort};
use crate::certificates::types::Cohort;
use crate::error::AppError;
use crate::forms::ActionError;

#[component]
pub fn CertificatesPage() -> impl IntoView {
    let params = use_params_map();
    let set_rule = ServerAction::<SetCertificateRule>::new();
    let revoke = ServerAction::<RevokeCertificate>::new();
    let cohort = Resource::new(
        move || {
            let id = params.read().get("id").and_then(|v| v.parse::<i32>().ok());
            (id, set_rule.version().get(), revoke.version().get())
        },
        |(id, ..)| async move { get_cohort(id.ok_or(AppError::NotFound)?).await },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                cohort.await.map(|c| view! { <CohortView cohort=c set_rule revoke/> })
            })}
        </Suspense>
    }
}

#[component]
fn CohortView(
    cohort: Cohort,
    set_rule: ServerAction<SetCertificateRule>,
    revoke: ServerAction<RevokeCertificate>,
) -> impl IntoView {
    let id = cohort.session_id;
    let query = use_query_map();
    // With JavaScript the action's answer, without it the redirect's `?revoque=1`.
    let revoked = move || {
        matches!(revoke.value().get(), Some(Ok(())))
            || (revoke.value().get().is_none() && query.read().get("revoque").is_some())
    };
    let revoke = cohort.can_revoke.then_some(revoke);
    let eligible = cohort.lines.iter().filter(|l| l.eligible).count();
    let holders = cohort
        .lines
        .iter()
        .filter(|l| {
            l.certificate
                .as_ref()
                .is_some_and(|c| c.revoked_on.is_none())
        })
        .count();
    view! {
        <Title text=format!("Certificats — {}", cohort.session_title)/>
        <section class="page">
            <nav aria-label="Fil d’Ariane" class="breadcrumb">
                <a href="/sessions">"Sessions"</a>" › "
                <a href=format!("/sessions/{id}")>{cohort.session_title.clone()}</a>
            </nav>
            <h1>"Certificats de réalisation"</h1>
            <p class="lead">{cohort.module_title.clone()}</p>
            <RuleForm session_id=id rule=cohort.rule.clone() action=set_rule/>
            <h2>{format!(
                "Participant·es confirmé·es : {} — éligibles : {eligible}",
                cohort.lines.len()
            )}</h2>
            <div aria-live="polite">
                {move || revoked().then(|| view! {
                    <p class="notice notice--ok">"Certificat révoqué : son ou sa titulaire en est informé·e par courriel."</p>
                })}
            </div>
            {revoke.map(|action| view! {
                <ActionError result=Signal::derive(move || action.value().get())/>
            })}
            <CohortTable lines=cohort.lines session_id=id revoke/>
            <IssuePanel session_id=id pending=cohort.pending/>
            {(holders > 0).then(|| view! {
                <p>
                    <a class="button" href=format!("/exports/sessions/{id}/certificats.zip")>
                        {format!("Télécharger les {holders} certificat(s) (ZIP)")}
                    </a>
                </p>
            })}
        </section>
    }
}
