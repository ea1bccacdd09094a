//! Writing questions. Once learners have answered a question, what decides its
//! grade (kind, answers, points) is frozen so that past attempts keep their
//! meaning; the prompt, the feedback and the objective may still be corrected.
//! An answered question cannot be deleted either: the quiz is withdrawn instead.

use crate::db::BeginWrite;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, QueryFilter, QueryOrder,
};

use super::{placing, quizzes};
use crate::authoring::rules::answers_format::{self, Answers, ChoiceDraft};
use crate::authoring::rules::fields;
use crate::authoring::types::QuestionInput;
use crate::db::entities::{choices, module_objectives, questions};
use crate::error::AppError;
use crate::quiz::rules::grading::QuestionKind;

/// The stored answers of a question read from the database (inside a transaction).
async fn stored_of(
    db: &impl sea_orm::ConnectionTrait,
    question: &questions::Model,
) -> Result<Answers, AppError> {
    let rows = choices::Entity::find()
        .filter(choices::Column::QuestionId.eq(question.id))
        .order_by_asc(choices::Column::Position)
        .order_by_asc(choices::Column::Id)
        .all(db)
        .await?;
    Ok(Answers {
        choices: rows
            .into_iter()
            .map(|c| ChoiceDraft {
                label: c.label,
                is_correct: c.is_correct,
                match_label: c.match_label,
                correct_rank: c.correct_rank,
            })
            .collect(),
        accepted: question
            .accepted_answers
            .clone()
            .and_then(|json| serde_json::from_value(json).ok())
            .unwrap_or_default(),
    })
}

const FROZEN: &str = "Des personnes ont déjà répondu à cette question : son type, ses réponses \
     et ses points ne peuvent plus changer. Vous pouvez encore corriger l’énoncé, le \
     commentaire et l’objectif, ou créer une nouvelle question.";

/// Creates the question (no id) or updates it; returns its quiz's id.
pub async fn save(db: &DatabaseConnection, input: QuestionInput) -> Result<i32, AppError> {
    let kind = QuestionKind::from_code(&input.kind)
        .ok_or_else(|| AppError::invalid("Choisissez le type de la question."))?;
    let prompt = fields::text("L’énoncé", &input.prompt, fields::MAX_TEXT_CHARS, true)?;
    let feedback = fields::text(
        "Le commentaire",
        &input.feedback,
        fields::MAX_TEXT_CHARS,
        false,
    )?;
    let points = fields::points(&input.points)?;
    let answers = answers_format::parse(kind, &input.answers)?;
    let objective_id = match input.objective_id.trim() {
        "" => None,
        id => Some(
            id.parse::<i32>()
                .map_err(|_| AppError::invalid("Choisissez un objectif dans la liste."))?,
        ),
    };

    let txn = db.begin_write().await?;
    let quiz = quizzes::find(&txn, input.quiz_id).await?;
    if let Some(objective_id) = objective_id {
        let belongs = module_objectives::Entity::find_by_id(objective_id)
            .one(&txn)
            .await?
            .is_some_and(|o| o.module_id == quiz.module_id);
        if !belongs {
            return Err(AppError::invalid(
                "Cet objectif n’appartient pas au module du quiz.",
            ));
        }
    }
    let question = match input.id {
        None => {
            questions::ActiveModel {
                quiz_id: Set(quiz.id),
                position: Set(placing::next_question(&txn, quiz.id).await?),
                kind: Set(kind.code().to_owned()),
                prompt: Set(prompt),
                feedback: Set(feedback),
                objective_id: Set(objective_id),
                points: Set(points),
                accepted_answers: Set(accepted_json(&answers)),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
        Some(id) => {
            let existing = find_in(&txn, quiz.id, id).await?;
            if !quizzes::answered(&txn, [id]).await?.is_empty() {
                let same_key = existing.kind == kind.code()
                    && answers_format::format(kind, &stored_of(&txn, &existing).await?)
                        == answers_format::format(kind, &answers);
                if !same_key || existing.points != points {
                    return Err(AppError::invalid(FROZEN));
                }
                let mut active: questions::ActiveModel = existing.into();
                active.prompt = Set(prompt);
                active.feedback = Set(feedback);
                active.objective_id = Set(objective_id);
                active.update(&txn).await?;
                txn.commit().await?;
                return Ok(quiz.id);
            }
            let mut active: questions::ActiveModel = existing.into();
            active.kind = Set(kind.code().to_owned());
            active.prompt = Set(prompt);
            active.feedback = Set(feedback);
            active.objective_id = Set(objective_id);
            active.points = Set(points);
            active.accepted_answers = Set(accepted_json(&answers));
            let question = active.update(&txn).await?;
            choices::Entity::delete_many()
                .filter(choices::Column::QuestionId.eq(question.id))
                .exec(&txn)
                .await?;
            question
        }
    };
    insert_choices(&txn, question.id, answers.choices).await?;
    txn.commit().await?;
    Ok(quiz.id)
}

fn accepted_json(answers: &Answers) -> Option<serde_json::Value> {
    (!answers.accepted.is_empty()).then(|| serde_json::json!(answers.accepted))
}

async fn insert_choices(
    txn: &DatabaseTransaction,
    question_id: i32,
    drafts: Vec<ChoiceDraft>,
) -> Result<(), AppError> {
    if drafts.is_empty() {
        return Ok(());
    }
    let rows = (1..).zip(drafts).map(|(position, c)| choices::ActiveModel {
        question_id: Set(question_id),
        position: Set(position),
        label: Set(c.label),
        is_correct: Set(c.is_correct),
        match_label: Set(c.match_label),
        correct_rank: Set(c.correct_rank),
        ..Default::default()
    });
    choices::Entity::insert_many(rows).exec(txn).await?;
    Ok(())
}

/// The question `id`, which must belong to `quiz_id`.
async fn find_in(
    db: &impl sea_orm::ConnectionTrait,
    quiz_id: i32,
    id: i32,
) -> Result<questions::Model, AppError> {
    find(db, id)
        .await?
        .filter(|q| q.quiz_id == quiz_id)
        .ok_or(AppError::NotFound)
}

async fn find(
    db: &impl sea_orm::ConnectionTrait,
    id: i32,
) -> Result<Option<questions::Model>, AppError> {
    Ok(questions::Entity::find_by_id(id).one(db).await?)
}

/// The quiz of question `id`.
pub async fn quiz_of(db: &DatabaseConnection, id: i32) -> Result<i32, AppError> {
    Ok(find(db, id).await?.ok_or(AppError::NotFound)?.quiz_id)
}

/// Deletes a question nobody has answered; returns its quiz's id.
pub async fn delete(db: &DatabaseConnection, id: i32) -> Result<i32, AppError> {
    let txn = db.begin_write().await?;
    let question = find(&txn, id).await?.ok_or(AppError::NotFound)?;
    if !quizzes::answered(&txn, [id]).await?.is_empty() {
        return Err(AppError::invalid(
            "Des personnes ont déjà répondu à cette question : elle ne peut plus être supprimée. \
             Pour ne plus la proposer, retirez le quiz de la publication et créez-en un nouveau.",
        ));
    }
    // Its choices go with it (foreign key with cascade).
    questions::Entity::delete_by_id(id).exec(&txn).await?;
    txn.commit().await?;
    Ok(question.quiz_id)
}
