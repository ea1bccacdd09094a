//! Trainers (of the module's sessions) and the coordinator edit the
//! self-assessment items. While nobody answered the current version the
//! items change in place; once answers exist, the edit first copies the items
//! into version + 1 (which becomes current), so old answers stay tied to the
//! items they answered.

use crate::db::BeginWrite;
use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter,
};

use super::questionnaire::{current, items, objectives};
use crate::assessment::rules::Kind;
use crate::assessment::rules::validate;
use crate::assessment::rules::versioning::{Edit, EditPlan, edit_plan, reorder};
use crate::assessment::types::{EditItemInput, EditorView, Item};
use crate::auth::CurrentUser;
use crate::db::entities::{modules, questionnaire_items, questionnaire_responses, questionnaires};
use crate::error::AppError;
use crate::sessions::service::access::require_manager;

async fn answered(db: &impl ConnectionTrait, questionnaire_id: i32) -> Result<u64, AppError> {
    Ok(questionnaire_responses::Entity::find()
        .filter(questionnaire_responses::Column::QuestionnaireId.eq(questionnaire_id))
        .count(db)
        .await?)
}

pub async fn editor(
    db: &DatabaseConnection,
    user: &CurrentUser,
    session_id: i32,
) -> Result<EditorView, AppError> {
    let session = require_manager(db, user, session_id).await?;
    let module = modules::Entity::find_by_id(session.module_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let q = current(db, module.id, Kind::SelfAssessment).await?;
    Ok(EditorView {
        session_id,
        module_title: module.title,
        version: q.version,
        answered: answered(db, q.id).await? > 0,
        items: items(db, q.id).await?,
        objectives: objectives(db, module.id).await?,
    })
}

/// Copies `from`'s items into a new current version; returns it and old id → new id.
async fn new_version(
    txn: &impl ConnectionTrait,
    from: &questionnaires::Model,
    next: i32,
    old_items: &[Item],
) -> Result<(i32, HashMap<i32, i32>), AppError> {
    let mut old: questionnaires::ActiveModel = from.clone().into();
    old.current = Set(false);
    old.update(txn).await?;
    let q = questionnaires::ActiveModel {
        module_id: Set(from.module_id),
        kind: Set(from.kind.clone()),
        version: Set(next),
        current: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let mut map = HashMap::new();
    for (i, item) in old_items.iter().enumerate() {
        let copy = questionnaire_items::ActiveModel {
            questionnaire_id: Set(q.id),
            position: Set(i as i32 + 1),
            prompt: Set(item.prompt.clone()),
            item_type: Set(item.item_type.clone()),
            objective_id: Set(item.objective_id),
            is_crisis_item: Set(item.is_crisis_item),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        map.insert(item.id, copy.id);
    }
    Ok((q.id, map))
}

/// Gives `ids` the positions 1, 2, … in two passes (positions are unique).
async fn renumber(txn: &impl ConnectionTrait, ids: &[i32]) -> Result<(), AppError> {
    for pass in [-1, 1] {
        for (i, id) in ids.iter().enumerate() {
            questionnaire_items::ActiveModel {
                id: Set(*id),
                position: Set(pass * (i as i32 + 1)),
                ..Default::default()
            }
            .update(txn)
            .await?;
        }
    }
    Ok(())
}

fn objective(raw: &str, allowed: &[(i32, String)]) -> Result<Option<i32>, AppError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    raw.trim()
        .parse::<i32>()
        .ok()
        .filter(|id| allowed.iter().any(|(o, _)| o == id))
        .map(Some)
        .ok_or_else(|| AppError::invalid("Choisissez un objectif de ce module."))
}

/// Applies one edit; returns the version that is current afterwards.
pub async fn edit(
    db: &DatabaseConnection,
    user: &CurrentUser,
    input: &EditItemInput,
) -> Result<i32, AppError> {
    let session = require_manager(db, user, input.session_id).await?;
    let action = input.action;
    let allowed = objectives(db, session.module_id).await?;
    let txn = db.begin_write().await?;
    let q = current(&txn, session.module_id, Kind::SelfAssessment).await?;
    let old_items = items(&txn, q.id).await?;
    let target = match (action, input.item_id) {
        (Edit::Add, _) => None,
        (_, Some(id)) => Some(
            old_items
                .iter()
                .find(|i| i.id == id)
                .cloned()
                .ok_or_else(|| AppError::invalid("Cet item n’existe plus : rechargez la page."))?,
        ),
        (_, None) => return Err(AppError::invalid("Choisissez un item.")),
    };
    if action == Edit::Remove && target.as_ref().is_some_and(|t| t.is_crisis_item) {
        return Err(AppError::invalid(
            "L’item sur les situations de crise ne peut pas être retiré : la coordination en rend compte.",
        ));
    }
    let (qid, version, map) = match edit_plan(q.version, answered(&txn, q.id).await?) {
        EditPlan::InPlace => (q.id, q.version, None),
        EditPlan::NewVersion { next } => {
            let (id, map) = new_version(&txn, &q, next, &old_items).await?;
            (id, next, Some(map))
        }
    };
    let mapped = |id: i32| map.as_ref().and_then(|m| m.get(&id).copied()).unwrap_or(id);
    let ids: Vec<i32> = old_items.iter().map(|i| mapped(i.id)).collect();
    let target = target.map(|t| mapped(t.id));
    match (action, target) {
        (Edit::Add, _) => {
            let prompt = validate::prompt(&input.prompt)?;
            questionnaire_items::ActiveModel {
                questionnaire_id: Set(qid),
                position: Set(ids.len() as i32 + 1),
                prompt: Set(prompt),
                item_type: Set("likert".to_owned()),
                objective_id: Set(objective(&input.objective_id, &allowed)?),
                is_crisis_item: Set(false),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        (Edit::Update, Some(id)) => {
            questionnaire_items::ActiveModel {
                id: Set(id),
                prompt: Set(validate::prompt(&input.prompt)?),
                objective_id: Set(objective(&input.objective_id, &allowed)?),
                ..Default::default()
            }
            .update(&txn)
            .await?;
        }
        (Edit::Remove, Some(id)) => {
            questionnaire_items::Entity::delete_by_id(id)
                .exec(&txn)
                .await?;
            let rest: Vec<i32> = ids.into_iter().filter(|i| *i != id).collect();
            renumber(&txn, &rest).await?;
        }
        (Edit::Up | Edit::Down, Some(id)) => {
            renumber(&txn, &reorder(&ids, id, action == Edit::Up)).await?;
        }
        _ => return Err(AppError::invalid("Choisissez un item.")),
    }
    crate::audit::record(
        &txn,
        Some(user.id),
        "assessment_item_edited",
        Some(("questionnaire", qid)),
        Some(serde_json::json!({
            "session": session.id,
            "action": action.code(),
            "item": target,
            "version": version,
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(version)
}
