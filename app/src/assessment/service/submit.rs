//! Storing a learner's answers to one phase: inside its window, once per
//! enrolment and phase, to the version the form showed. Any refusal stores
//! nothing.

use crate::db::BeginWrite;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    SqlErr,
};

use super::access::{own_enrolment, schedule_of};
use super::questionnaire::{current, items};
use crate::assessment::rules::{Phase, validate, windows};
use crate::assessment::types::SubmitInput;
use crate::auth::CurrentUser;
use crate::db::entities::{questionnaire_answers, questionnaire_responses};
use crate::error::AppError;

fn already(phase: Phase) -> AppError {
    AppError::conflict(format!("Vous avez déjà répondu à « {} ».", phase.label()))
}

pub async fn submit(
    db: &DatabaseConnection,
    user: &CurrentUser,
    input: &SubmitInput,
    now: DateTime<Utc>,
) -> Result<Phase, AppError> {
    let phase = Phase::from_code(&input.phase)
        .ok_or_else(|| AppError::invalid("Questionnaire inconnu."))?;
    let (session, enrolment) = own_enrolment(db, user, input.session_id).await?;
    let schedule = schedule_of(db, &session, &enrolment).await?;
    windows::check(phase, &schedule, now)?;
    let txn = db.begin_write().await?;
    let existing = questionnaire_responses::Entity::find()
        .filter(questionnaire_responses::Column::EnrolmentId.eq(enrolment.id))
        .filter(questionnaire_responses::Column::Phase.eq(phase.code()))
        .one(&txn)
        .await?;
    if existing.is_some() {
        return Err(already(phase));
    }
    let q = current(&txn, session.module_id, phase.kind()).await?;
    if q.id != input.questionnaire_id {
        return Err(AppError::conflict(
            "Le questionnaire a été modifié depuis l’affichage de la page : rechargez-la et répondez de nouveau.",
        ));
    }
    let shown: Vec<(i32, String)> = items(&txn, q.id)
        .await?
        .into_iter()
        .map(|i| (i.id, i.item_type))
        .collect();
    let parsed = validate::answers(&shown, &input.answers)?;
    let response = questionnaire_responses::ActiveModel {
        questionnaire_id: Set(q.id),
        enrolment_id: Set(enrolment.id),
        phase: Set(phase.code().to_owned()),
        submitted_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|e| match e.sql_err() {
        // A second tab sent the same phase at the same moment.
        Some(SqlErr::UniqueConstraintViolation(_)) => already(phase),
        _ => AppError::from(e),
    })?;
    for a in parsed {
        questionnaire_answers::ActiveModel {
            response_id: Set(response.id),
            item_id: Set(a.item_id),
            value_int: Set(a.value_int),
            value_text: Set(a.value_text),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(phase)
}
