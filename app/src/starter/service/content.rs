//! The lessons, resources and quizzes of the three modules (`data/lessons.json`),
//! content to be reviewed by the trainers. Choices are stored the way the
//! quiz engine reads them (see `app::quiz::rules::key`): a flag for choice questions,
//! the right-hand side in `match_label` for matching, the rank for ordering.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use serde::Deserialize;

use crate::db::entities::{choices, lessons, module_objectives, questions, quizzes, resources};
use crate::error::AppError;
use crate::starter::rules::Publication;

use super::rows::insert_stamped;

#[derive(Debug, Deserialize)]
struct ContentSeed {
    modules: Vec<ModuleContent>,
}

#[derive(Debug, Deserialize)]
pub struct ModuleContent {
    pub slug: String,
    lessons: Vec<LessonSeed>,
    resources: Vec<ResourceSeed>,
    quiz: QuizSeed,
}

#[derive(Debug, Deserialize)]
struct LessonSeed {
    title: String,
    estimated_minutes: i32,
    body_markdown: String,
}

#[derive(Debug, Deserialize)]
struct ResourceSeed {
    kind: String,
    title: String,
    url: Option<String>,
    description: String,
}

#[derive(Debug, Deserialize)]
struct QuizSeed {
    title: String,
    pass_mark_percent: i32,
    max_attempts: Option<i32>,
    time_limit_minutes: Option<i32>,
    shuffle: bool,
    questions: Vec<QuestionSeed>,
}

#[derive(Debug, Deserialize)]
struct QuestionSeed {
    kind: String,
    prompt: String,
    feedback: String,
    objective: String,
    points: i32,
    #[serde(default)]
    choices: Vec<ChoiceSeed>,
    #[serde(default)]
    accepted_answers: Vec<String>,
    #[serde(default)]
    pairs: Vec<PairSeed>,
    #[serde(default)]
    items: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ChoiceSeed {
    label: String,
    correct: bool,
}

#[derive(Debug, Deserialize)]
struct PairSeed {
    left: String,
    right: String,
}

impl ModuleContent {
    /// The objectives its quiz questions name.
    pub fn objective_codes(&self) -> impl Iterator<Item = &str> {
        self.quiz.questions.iter().map(|q| q.objective.as_str())
    }
}

/// Every module's lessons, resources and quiz, keyed by the module's slug.
pub fn seeds() -> Result<Vec<ModuleContent>, AppError> {
    let seed: ContentSeed =
        serde_json::from_str(include_str!("../data/lessons.json")).map_err(AppError::internal)?;
    Ok(seed.modules)
}

/// Inserts one module's lessons, resources and quiz; answers how many lessons.
pub async fn insert(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    publication: Publication,
    module_id: i32,
    content: ModuleContent,
) -> Result<usize, AppError> {
    let objectives: HashMap<String, i32> = module_objectives::Entity::find()
        .filter(module_objectives::Column::ModuleId.eq(module_id))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.code, o.id))
        .collect();
    let lesson_count = content.lessons.len();
    for (position, lesson) in (1..).zip(content.lessons) {
        let row = lessons::ActiveModel {
            module_id: Set(module_id),
            position: Set(position),
            title: Set(lesson.title),
            body_markdown: Set(lesson.body_markdown),
            estimated_minutes: Set(lesson.estimated_minutes),
            ..Default::default()
        };
        insert_stamped(db, now, publication, row).await?;
    }
    for (position, resource) in (1..).zip(content.resources) {
        resources::ActiveModel {
            module_id: Set(module_id),
            position: Set(position),
            kind: Set(resource.kind),
            title: Set(resource.title),
            url: Set(resource.url),
            description: Set(resource.description),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    insert_quiz(db, now, publication, module_id, &objectives, content.quiz).await?;
    Ok(lesson_count)
}

async fn insert_quiz(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    publication: Publication,
    module_id: i32,
    objectives: &HashMap<String, i32>,
    seed: QuizSeed,
) -> Result<(), AppError> {
    let quiz = quizzes::ActiveModel {
        module_id: Set(module_id),
        title: Set(seed.title),
        pass_mark_percent: Set(seed.pass_mark_percent),
        max_attempts: Set(seed.max_attempts),
        time_limit_minutes: Set(seed.time_limit_minutes),
        shuffle: Set(seed.shuffle),
        ..Default::default()
    };
    let quiz = insert_stamped(db, now, publication, quiz).await?;
    for (position, q) in (1..).zip(seed.questions) {
        let objective_id = *objectives.get(&q.objective).ok_or_else(|| {
            AppError::internal(anyhow::anyhow!("objective {} missing", q.objective))
        })?;
        let accepted =
            (!q.accepted_answers.is_empty()).then(|| serde_json::json!(q.accepted_answers));
        let question = questions::ActiveModel {
            quiz_id: Set(quiz.id),
            position: Set(position),
            kind: Set(q.kind),
            prompt: Set(q.prompt),
            feedback: Set(q.feedback),
            objective_id: Set(Some(objective_id)),
            points: Set(q.points),
            accepted_answers: Set(accepted),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let choice = |position: i32, label: String| choices::ActiveModel {
            question_id: Set(question.id),
            position: Set(position),
            label: Set(label),
            is_correct: Set(false),
            match_label: Set(None),
            correct_rank: Set(None),
            ..Default::default()
        };
        let mut rows = Vec::new();
        for (position, c) in (1..).zip(q.choices) {
            let mut row = choice(position, c.label);
            row.is_correct = Set(c.correct);
            rows.push(row);
        }
        for (position, p) in (1..).zip(q.pairs) {
            let mut row = choice(position, p.left);
            row.match_label = Set(Some(p.right));
            rows.push(row);
        }
        // Ordering items are stored shuffled-by-position but ranked: here the
        // seed lists them in the right order, so position and rank coincide.
        for (rank, item) in (1..).zip(q.items) {
            let mut row = choice(rank, item);
            row.correct_rank = Set(Some(rank));
            rows.push(row);
        }
        if !rows.is_empty() {
            choices::Entity::insert_many(rows).exec(db).await?;
        }
    }
    Ok(())
}
