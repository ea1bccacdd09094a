//! A quiz with its module, questions and choices, loaded in two queries, and the
//! rule of who may see it: published content for everyone signed in, everything
//! for the people who write it (trainers and the coordinator).

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::db::entities::{choices, modules, questions, quizzes};
use crate::error::AppError;
use crate::quiz::rules::grading::{AnswerKey, QuestionKind};
use crate::quiz::rules::key::{ChoiceData, answer_key};
use crate::roles::Role;
use crate::visibility::may_see;

pub struct QuizData {
    pub quiz: quizzes::Model,
    pub module: modules::Model,
    pub questions: Vec<QuestionData>,
}

pub struct QuestionData {
    pub model: questions::Model,
    pub kind: QuestionKind,
    pub choices: Vec<ChoiceData>,
    pub accepted: Vec<String>,
}

impl QuestionData {
    pub fn key(&self) -> AnswerKey {
        answer_key(self.kind, &self.choices, &self.accepted)
    }
}

impl QuizData {
    pub fn visible_to(&self, role: Role) -> bool {
        may_see(role, self.module.published && self.quiz.published)
    }

    pub fn question(&self, id: i32) -> Option<&QuestionData> {
        self.questions.iter().find(|q| q.model.id == id)
    }

    pub fn max_points(&self) -> f64 {
        self.questions
            .iter()
            .map(|q| f64::from(q.model.points))
            .sum()
    }
}

/// The quiz, or `NotFound` if it does not exist or `role` may not see it.
pub async fn load_for(
    db: &DatabaseConnection,
    quiz_id: i32,
    role: Role,
) -> Result<QuizData, AppError> {
    let data = load(db, quiz_id).await?;
    if data.visible_to(role) {
        Ok(data)
    } else {
        Err(AppError::NotFound)
    }
}

pub async fn load(db: &DatabaseConnection, quiz_id: i32) -> Result<QuizData, AppError> {
    let (quiz, module) = quizzes::Entity::find_by_id(quiz_id)
        .find_also_related(modules::Entity)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let module = module.ok_or(AppError::NotFound)?;
    let rows = questions::Entity::find()
        .filter(questions::Column::QuizId.eq(quiz.id))
        .order_by_asc(questions::Column::Position)
        .order_by_asc(questions::Column::Id)
        .find_with_related(choices::Entity)
        .order_by_asc(choices::Column::Position)
        .order_by_asc(choices::Column::Id)
        .all(db)
        .await?;
    let questions = rows
        .into_iter()
        .filter_map(|(model, choices)| {
            let kind = QuestionKind::from_code(&model.kind)?;
            let accepted = model
                .accepted_answers
                .clone()
                .and_then(|json| serde_json::from_value::<Vec<String>>(json).ok())
                .unwrap_or_default();
            Some(QuestionData {
                kind,
                accepted,
                choices: choices
                    .into_iter()
                    .map(|c| ChoiceData {
                        id: c.id,
                        label: c.label,
                        is_correct: c.is_correct,
                        match_label: c.match_label,
                        correct_rank: c.correct_rank,
                    })
                    .collect(),
                model,
            })
        })
        .collect();
    Ok(QuizData {
        quiz,
        module,
        questions,
    })
}
