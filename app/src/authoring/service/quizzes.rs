//! Quizzes: creation (a draft with a 70 % pass mark), the outline with every
//! question and its answers, the settings and the publication.

use crate::db::BeginWrite;
use std::collections::HashSet;

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QuerySelect,
};

use super::{insert_draft, modules};
use crate::authoring::rules::answers_format::{self, Answers, ChoiceDraft};
use crate::authoring::rules::fields;
use crate::authoring::rules::removal::may_publish;
use crate::authoring::types::{NewQuiz, QuestionDraft, QuizOutline, QuizUpdate};
use crate::db::entities::{attempt_answers, questions, quizzes};
use crate::error::AppError;
use crate::quiz::service::data::QuestionData;

/// The pass mark a new quiz starts with; the author changes it in the settings.
const DEFAULT_PASS_MARK: i32 = 70;

pub async fn find(db: &impl sea_orm::ConnectionTrait, id: i32) -> Result<quizzes::Model, AppError> {
    super::find::<quizzes::Entity>(db, id).await
}

pub async fn create(db: &DatabaseConnection, input: NewQuiz) -> Result<i32, AppError> {
    let title = fields::title(&input.title)?;
    let txn = db.begin_write().await?;
    let module = modules::find(&txn, input.module_id).await?;
    let quiz = quizzes::ActiveModel {
        module_id: Set(module.id),
        title: Set(title),
        pass_mark_percent: Set(DEFAULT_PASS_MARK),
        max_attempts: Set(None),
        time_limit_minutes: Set(None),
        shuffle: Set(false),
        ..Default::default()
    };
    Ok(insert_draft(txn, quiz).await?.id)
}

/// The questions of `ids` that learners have answered.
pub async fn answered(
    db: &impl sea_orm::ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashSet<i32>, AppError> {
    let rows: Vec<i32> = attempt_answers::Entity::find()
        .select_only()
        .column(attempt_answers::Column::QuestionId)
        .distinct()
        .filter(attempt_answers::Column::QuestionId.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

pub async fn outline(db: &DatabaseConnection, id: i32) -> Result<QuizOutline, AppError> {
    let data = crate::quiz::service::data::load(db, id).await?;
    let objectives = modules::objective_items(db, data.module.id).await?;
    let answered = answered(db, data.questions.iter().map(|q| q.model.id)).await?;
    Ok(QuizOutline {
        id: data.quiz.id,
        module_id: data.module.id,
        module_title: data.module.title,
        title: data.quiz.title,
        pass_mark_percent: data.quiz.pass_mark_percent,
        max_attempts: data.quiz.max_attempts,
        time_limit_minutes: data.quiz.time_limit_minutes,
        shuffle: data.quiz.shuffle,
        published: data.quiz.published,
        archived: data.quiz.archived_at.is_some(),
        objectives,
        questions: data
            .questions
            .into_iter()
            .map(|q| QuestionDraft {
                answers: answers_format::format(q.kind, &stored(&q)),
                answered: answered.contains(&q.model.id),
                id: q.model.id,
                kind: q.kind.code().to_owned(),
                prompt: q.model.prompt,
                feedback: q.model.feedback,
                objective_id: q.model.objective_id,
                points: q.model.points,
            })
            .collect(),
    })
}

pub async fn update(db: &DatabaseConnection, input: QuizUpdate) -> Result<(), AppError> {
    let title = fields::title(&input.title)?;
    let pass_mark = fields::pass_mark(&input.pass_mark_percent)?;
    let max_attempts = fields::optional_positive("Le nombre de tentatives", &input.max_attempts)?;
    let time_limit = fields::optional_positive("La durée limite", &input.time_limit_minutes)?;
    let quiz = find(db, input.id).await?;
    let mut active: quizzes::ActiveModel = quiz.into();
    active.title = Set(title);
    active.pass_mark_percent = Set(pass_mark);
    active.max_attempts = Set(max_attempts);
    active.time_limit_minutes = Set(time_limit);
    active.shuffle = Set(input.shuffle);
    active.updated_at = Set(chrono::Utc::now());
    active.update(db).await?;
    Ok(())
}

/// Publishes or withdraws a quiz; returns its module's id. A quiz without questions stays a draft.
pub async fn publish(db: &DatabaseConnection, id: i32, published: bool) -> Result<i32, AppError> {
    let txn = db.begin_write().await?;
    let quiz = find(&txn, id).await?;
    if published {
        may_publish(quiz.archived_at.is_some())?;
    }
    if published {
        let count = questions::Entity::find()
            .filter(questions::Column::QuizId.eq(id))
            .count(&txn)
            .await?;
        if count == 0 {
            return Err(AppError::invalid(
                "Ce quiz n’a pas de question : ajoutez-en au moins une avant de le publier.",
            ));
        }
    }
    let module_id = quiz.module_id;
    let mut active: quizzes::ActiveModel = quiz.into();
    active.published = Set(published);
    active.updated_at = Set(chrono::Utc::now());
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(module_id)
}

/// The stored answers of a question, as the answers format reads them.
pub fn stored(question: &QuestionData) -> Answers {
    Answers {
        choices: question
            .choices
            .iter()
            .map(|c| ChoiceDraft {
                label: c.label.clone(),
                is_correct: c.is_correct,
                match_label: c.match_label.clone(),
                correct_rank: c.correct_rank,
            })
            .collect(),
        accepted: question.accepted.clone(),
    }
}
