//! The lessons, resources and quizzes of the three modules (`data/lessons.json`),
//! demo content to be validated by the trainers. Choices are stored the way the
//! quiz engine reads them (see `app::quiz::rules::key`): a flag for choice questions,
//! the right-hand side in `match_label` for matching, the rank for ordering.

use std::collections::HashMap;

use anyhow::Context;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter,
};
use serde::Deserialize;

use app::db::entities::{
    choices, lessons, module_objectives, modules, questions, quizzes, resources,
};

use super::published::insert_published;

#[derive(Debug, Deserialize)]
struct ContentSeed {
    modules: Vec<ModuleContent>,
}

#[derive(Debug, Deserialize)]
struct ModuleContent {
    slug: String,
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

pub async fn load(txn: &DatabaseTransaction, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let seed: ContentSeed = serde_json::from_str(include_str!("data/lessons.json"))?;
    let mut lesson_count = 0;
    for content in seed.modules {
        let module = modules::Entity::find()
            .filter(modules::Column::Slug.eq(&content.slug))
            .one(txn)
            .await?
            .with_context(|| format!("module {} missing", content.slug))?;
        let objectives: HashMap<String, i32> = module_objectives::Entity::find()
            .filter(module_objectives::Column::ModuleId.eq(module.id))
            .all(txn)
            .await?
            .into_iter()
            .map(|o| (o.code, o.id))
            .collect();
        lesson_count += content.lessons.len();
        for (position, lesson) in (1..).zip(content.lessons) {
            let row = lessons::ActiveModel {
                module_id: Set(module.id),
                position: Set(position),
                title: Set(lesson.title),
                body_markdown: Set(lesson.body_markdown),
                estimated_minutes: Set(lesson.estimated_minutes),
                ..Default::default()
            };
            insert_published(txn, now, row).await?;
        }
        for (position, resource) in (1..).zip(content.resources) {
            resources::ActiveModel {
                module_id: Set(module.id),
                position: Set(position),
                kind: Set(resource.kind),
                title: Set(resource.title),
                url: Set(resource.url),
                description: Set(resource.description),
                ..Default::default()
            }
            .insert(txn)
            .await?;
        }
        load_quiz(txn, now, module.id, &objectives, content.quiz).await?;
    }
    Ok(lesson_count)
}

async fn load_quiz(
    txn: &DatabaseTransaction,
    now: DateTime<Utc>,
    module_id: i32,
    objectives: &HashMap<String, i32>,
    seed: QuizSeed,
) -> anyhow::Result<()> {
    let quiz = quizzes::ActiveModel {
        module_id: Set(module_id),
        title: Set(seed.title),
        pass_mark_percent: Set(seed.pass_mark_percent),
        max_attempts: Set(seed.max_attempts),
        time_limit_minutes: Set(seed.time_limit_minutes),
        shuffle: Set(seed.shuffle),
        ..Default::default()
    };
    let quiz = insert_published(txn, now, quiz).await?;
    for (position, q) in (1..).zip(seed.questions) {
        let objective_id = *objectives
            .get(&q.objective)
            .with_context(|| format!("objective {} missing", q.objective))?;
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
        .insert(txn)
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
            choices::Entity::insert_many(rows).exec(txn).await?;
        }
    }
    Ok(())
}
