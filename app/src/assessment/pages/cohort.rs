//! The trainer's view of a session's questionnaires
//! (`/sessions/<id>/questionnaires`): response rates, each self-assessment
//! item before and after, the à-chaud and à-froid summaries (free text
//! without names).

use crate::layout::{TableFrame, Title};
use leptos::prelude::*;

use super::session_id;
use crate::assessment::api::assessment_cohort;
use crate::assessment::rules::cohort::{decimal, percent, signed};
use crate::assessment::types::{CohortView, FollowUpSummary, SatisfactionSummary};
use crate::error::AppError;

#[component]
pub fn CohortPage() -> impl IntoView {
    let id = session_id();
    let data = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => assessment_cohort(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                data.await.map(|c| view! { <Body cohort=c/> })
            })}
        </Suspense>
    }
}

#[component]
fn Body(cohort: CohortView) -> impl IntoView {
    let title = format!("Questionnaires — {}", cohort.session_title);
    let confirmed = cohort.confirmed;
    view! {
        <Title text=title.clone()/>
        <section class="page">
            <nav aria-label="Fil d’Ariane" class="breadcrumb">
                <a href=format!("/sessions/{}", cohort.session_id)>{cohort.session_title.clone()}</a>
            </nav>
            <h1>{title}</h1>
            <p><a href=format!("/sessions/{}/questionnaires/items", cohort.session_id)>"Modifier les affirmations de l’auto-évaluation"</a></p>
            <h2>"Taux de réponse"</h2>
            <ul>
                {cohort.rates.iter().map(|r| view! {
                    <li>{format!("{} : {} sur {confirmed} ({})", r.phase.label(), r.answered, percent(r.rate))}</li>
                }).collect_view()}
            </ul>
            <h2>"Auto-évaluation avant / après"</h2>
            <p class="field-hint">"L’évolution ne compte que les personnes qui ont répondu avant et après."</p>
            <TableFrame caption="Moyennes sur 5 par affirmation"
                columns=&["Affirmation", "Moyenne avant", "Moyenne après", "Évolution (personnes)", "En progrès"]>
                {cohort.items.into_iter().map(|i| view! {
                    <tr>
                        <th scope="row">{i.prompt}{i.is_crisis_item.then_some(" (indicateur crise)")}</th>
                        <td>{format!("{} ({})", decimal(i.figures.mean_before), i.figures.answered_before)}</td>
                        <td>{format!("{} ({})", decimal(i.figures.mean_after), i.figures.answered_after)}</td>
                        <td>{format!("{} ({})", signed(i.figures.mean_change), i.figures.paired)}</td>
                        <td>{percent(i.figures.improved_share)}</td>
                    </tr>
                }).collect_view()}
            </TableFrame>
            <Satisfaction summary=cohort.satisfaction/>
            <FollowUp summary=cohort.follow_up/>
        </section>
    }
}

#[component]
fn Satisfaction(summary: SatisfactionSummary) -> impl IntoView {
    view! {
        <h2>"Évaluation à chaud"</h2>
        <p>{format!(
            "{} réponse(s). Satisfaction globale : {} sur 5. Recommanderaient la formation : {}.",
            summary.responses,
            decimal(summary.overall_mean),
            percent(summary.recommend_rate),
        )}</p>
        <TableFrame caption="Utilité par thème (moyenne sur 5)" columns=&["Thème", "Moyenne"]>
            {summary.topics.into_iter().map(|(topic, m)| view! {
                <tr><th scope="row">{topic}</th><td>{decimal(m)}</td></tr>
            }).collect_view()}
        </TableFrame>
        <h3>"À améliorer (commentaires anonymes, par ordre alphabétique)"</h3>
        <ul class="comments">
            {summary.comments.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
        </ul>
    }
}

#[component]
fn FollowUp(summary: FollowUpSummary) -> impl IntoView {
    view! {
        <h2>"Évaluation à froid (trois mois après)"</h2>
        <p>{format!(
            "{} réponse(s). Ont utilisé ce qu’ils ou elles ont appris : {}. Utilité dans la pratique aujourd’hui : {} sur 5.",
            summary.responses,
            percent(summary.used_rate),
            decimal(summary.usefulness_mean),
        )}</p>
        <h3>"Exemples d’utilisation (anonymes, par ordre alphabétique)"</h3>
        {if summary.examples.is_empty() {
            view! { <p>"Aucun exemple pour l’instant."</p> }.into_any()
        } else {
            view! {
                <ul class="comments">
                    {summary.examples.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
