//! Every stored questionnaire answer of a cohort, with the item it answers
//! and the phase it was given in: what the cohort view and the satisfaction
//! summaries aggregate.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::assessment::rules::Phase;
use crate::db::entities::{questionnaire_answers, questionnaire_items, questionnaire_responses};
use crate::error::AppError;

/// One stored answer with what it answered: (enrolment, phase, item, answer).
pub struct Row {
    pub enrolment: i32,
    pub phase: Phase,
    pub item: questionnaire_items::Model,
    pub answer: questionnaire_answers::Model,
}

/// Every answer of the given enrolments.
pub async fn rows(db: &DatabaseConnection, enrolment_ids: &[i32]) -> Result<Vec<Row>, AppError> {
    let responses = questionnaire_responses::Entity::find()
        .filter(questionnaire_responses::Column::EnrolmentId.is_in(enrolment_ids.iter().copied()))
        .all(db)
        .await?;
    let of: HashMap<i32, (i32, Phase)> = responses
        .iter()
        .filter_map(|r| Phase::from_code(&r.phase).map(|p| (r.id, (r.enrolment_id, p))))
        .collect();
    let mut out: Vec<Row> = questionnaire_answers::Entity::find()
        .filter(questionnaire_answers::Column::ResponseId.is_in(of.keys().copied()))
        .find_also_related(questionnaire_items::Entity)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(answer, item)| {
            let (enrolment, phase) = *of.get(&answer.response_id)?;
            Some(Row {
                enrolment,
                phase,
                item: item?,
                answer,
            })
        })
        .collect();
    out.sort_by_key(|r| (r.item.questionnaire_id, r.item.position));
    Ok(out)
}
