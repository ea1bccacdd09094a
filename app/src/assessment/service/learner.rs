//! The learner's side: their page for one session (the form to fill now,
//! each phase's state, their own before / after per item) and the
//! questionnaires waiting for them across their sessions.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::access::{own_enrolment, schedule_of};
use super::questionnaire::{current, items};
use crate::assessment::rules::Phase;
use crate::assessment::rules::windows::{Schedule, Window, window};
use crate::assessment::types::{
    LearnerView, OwnResult, Pending, PhaseState, PhaseStatus, QuestionnaireForm,
};
use crate::auth::CurrentUser;
use crate::db::entities::{
    enrolments, questionnaire_answers, questionnaire_items, questionnaire_responses,
    training_sessions,
};
use crate::error::AppError;
use crate::sessions::rules::EnrolmentStatus;

/// Phase → response id, for one enrolment.
async fn responses(
    db: &DatabaseConnection,
    enrolment_id: i32,
) -> Result<HashMap<Phase, i32>, AppError> {
    Ok(questionnaire_responses::Entity::find()
        .filter(questionnaire_responses::Column::EnrolmentId.eq(enrolment_id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|r| Phase::from_code(&r.phase).map(|p| (p, r.id)))
        .collect())
}

fn states(s: &Schedule, answered: &HashMap<Phase, i32>, now: DateTime<Utc>) -> Vec<PhaseStatus> {
    Phase::ALL
        .into_iter()
        .map(|phase| PhaseStatus {
            phase,
            state: if answered.contains_key(&phase) {
                PhaseState::Answered
            } else {
                match window(phase, s, now) {
                    Window::NotYet => PhaseState::NotYet,
                    Window::Open => PhaseState::Open,
                    Window::Closed => PhaseState::Closed,
                }
            },
        })
        .collect()
}

/// The learner's own self-assessment answers, one row per item wording.
async fn own_results(
    db: &DatabaseConnection,
    answered: &HashMap<Phase, i32>,
) -> Result<Vec<OwnResult>, AppError> {
    let phase_of: HashMap<i32, Phase> = answered.iter().map(|(p, id)| (*id, *p)).collect();
    let mut rows = questionnaire_answers::Entity::find()
        .filter(questionnaire_answers::Column::ResponseId.is_in(phase_of.keys().copied()))
        .find_also_related(questionnaire_items::Entity)
        .all(db)
        .await?;
    rows.sort_by_key(|(a, i)| (a.response_id, i.as_ref().map(|i| i.position)));
    let mut out: Vec<OwnResult> = Vec::new();
    for (answer, item) in rows {
        let (Some(item), Some(phase)) = (item, phase_of.get(&answer.response_id)) else {
            continue;
        };
        if phase.kind() != crate::assessment::rules::Kind::SelfAssessment {
            continue;
        }
        let at = match out.iter().position(|r| r.prompt == item.prompt) {
            Some(at) => at,
            None => {
                out.push(OwnResult {
                    prompt: item.prompt.clone(),
                    before: None,
                    after: None,
                    retrospective: None,
                });
                out.len() - 1
            }
        };
        let slot = match phase {
            Phase::Before => &mut out[at].before,
            Phase::After => &mut out[at].after,
            _ => &mut out[at].retrospective,
        };
        *slot = answer.value_int;
    }
    Ok(out)
}

pub async fn view(
    db: &DatabaseConnection,
    user: &CurrentUser,
    session_id: i32,
    now: DateTime<Utc>,
) -> Result<LearnerView, AppError> {
    let (session, enrolment) = own_enrolment(db, user, session_id).await?;
    let schedule = schedule_of(db, &session, &enrolment).await?;
    let answered = responses(db, enrolment.id).await?;
    let phases = states(&schedule, &answered, now);
    let form = match phases.iter().find(|p| p.state == PhaseState::Open) {
        Some(open) => {
            let q = current(db, session.module_id, open.phase.kind()).await?;
            Some(QuestionnaireForm {
                phase: open.phase,
                questionnaire_id: q.id,
                items: items(db, q.id).await?,
            })
        }
        None => None,
    };
    Ok(LearnerView {
        session_id,
        session_title: session.title,
        phases,
        form,
        results: own_results(db, &answered).await?,
    })
}

/// Open, unanswered, not optional phases of the caller's confirmed enrolments.
pub async fn pending(
    db: &DatabaseConnection,
    user: &CurrentUser,
    now: DateTime<Utc>,
) -> Result<Vec<Pending>, AppError> {
    let mine = enrolments::Entity::find()
        .filter(enrolments::Column::UserId.eq(user.id))
        .filter(enrolments::Column::Status.eq(EnrolmentStatus::Confirmed.code()))
        .find_also_related(training_sessions::Entity)
        .all(db)
        .await?;
    let mut out = Vec::new();
    for (enrolment, session) in mine {
        let Some(session) = session else { continue };
        let schedule = schedule_of(db, &session, &enrolment).await?;
        let answered = responses(db, enrolment.id).await?;
        for status in states(&schedule, &answered, now) {
            if status.state == PhaseState::Open && !status.phase.optional() {
                out.push(Pending {
                    session_id: session.id,
                    session_title: session.title.clone(),
                    phase: status.phase,
                });
            }
        }
    }
    Ok(out)
}
