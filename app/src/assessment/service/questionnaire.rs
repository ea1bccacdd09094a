//! A module's current questionnaire of a kind, created with its default
//! items on first need, and its items as pages show them.
//!
//! Creating on first need (rather than seeding at migration or only in the
//! demo) gives every module — including those written later — its items the
//! first time a page or an answer needs them; the demo calls the same
//! function so that its modules start with them.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, TransactionSession, TransactionTrait,
};

use crate::assessment::rules::Kind;
use crate::assessment::rules::defaults::{self, DefaultItem};
use crate::assessment::types::Item;
use crate::db::entities::{module_objectives, questionnaire_items, questionnaires};
use crate::error::AppError;

pub async fn objectives(
    db: &impl ConnectionTrait,
    module_id: i32,
) -> Result<Vec<(i32, String)>, AppError> {
    Ok(module_objectives::Entity::find()
        .filter(module_objectives::Column::ModuleId.eq(module_id))
        .order_by_asc(module_objectives::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.label))
        .collect())
}

async fn find_current(
    db: &impl ConnectionTrait,
    module_id: i32,
    kind: Kind,
) -> Result<Option<questionnaires::Model>, AppError> {
    Ok(questionnaires::Entity::find()
        .filter(questionnaires::Column::ModuleId.eq(module_id))
        .filter(questionnaires::Column::Kind.eq(kind.code()))
        .filter(questionnaires::Column::Current.eq(true))
        .order_by_desc(questionnaires::Column::Version)
        .one(db)
        .await?)
}

pub async fn insert_items(
    db: &impl ConnectionTrait,
    questionnaire_id: i32,
    items: &[DefaultItem],
) -> Result<(), AppError> {
    for (i, item) in items.iter().enumerate() {
        questionnaire_items::ActiveModel {
            questionnaire_id: Set(questionnaire_id),
            position: Set(i as i32 + 1),
            prompt: Set(item.prompt.clone()),
            item_type: Set(item.item_type.to_owned()),
            objective_id: Set(item.objective_id),
            is_crisis_item: Set(item.is_crisis_item),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

async fn create_default<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    module_id: i32,
    kind: Kind,
) -> Result<(), AppError> {
    let objectives = objectives(db, module_id).await?;
    let items = match kind {
        Kind::SelfAssessment => defaults::self_assessment(&objectives),
        Kind::SatisfactionHot => defaults::satisfaction(&objectives),
        Kind::SatisfactionCold => defaults::follow_up(),
    };
    let txn = db.begin().await?;
    let q = questionnaires::ActiveModel {
        module_id: Set(module_id),
        kind: Set(kind.code().to_owned()),
        version: Set(1),
        current: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    insert_items(&txn, q.id, &items).await?;
    txn.commit().await?;
    Ok(())
}

/// The current version, created with the default items if the module has none yet.
pub async fn current<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    module_id: i32,
    kind: Kind,
) -> Result<questionnaires::Model, AppError> {
    if let Some(q) = find_current(db, module_id, kind).await? {
        return Ok(q);
    }
    // Two first requests may race: the loser's insert hits the unique index
    // (module, kind, version) and then reads the winner's questionnaire.
    let created = create_default(db, module_id, kind).await;
    match find_current(db, module_id, kind).await? {
        Some(q) => Ok(q),
        None => created.and(Err(AppError::NotFound)),
    }
}

/// The items of one version, in order, with their objective's label.
pub async fn items(
    db: &impl ConnectionTrait,
    questionnaire_id: i32,
) -> Result<Vec<Item>, AppError> {
    Ok(questionnaire_items::Entity::find()
        .filter(questionnaire_items::Column::QuestionnaireId.eq(questionnaire_id))
        .order_by_asc(questionnaire_items::Column::Position)
        .find_also_related(module_objectives::Entity)
        .all(db)
        .await?
        .into_iter()
        .map(|(i, o)| Item {
            id: i.id,
            prompt: i.prompt,
            item_type: i.item_type,
            objective_id: i.objective_id,
            objective: o.map(|o| o.label),
            is_crisis_item: i.is_crisis_item,
        })
        .collect())
}
