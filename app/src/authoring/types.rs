//! What the authoring pages receive from the server: every module, lesson and
//! quiz, drafts included, and the answers of questions (for authors only).

use serde::{Deserialize, Serialize};

use crate::catalogue::{LessonLink, ModuleFacts, ResourceLink};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleRow {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub published: bool,
    pub archived: bool,
    pub lessons: usize,
    pub quizzes: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectiveItem {
    pub id: i32,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizItem {
    pub id: i32,
    pub title: String,
    pub published: bool,
    pub archived: bool,
    pub questions: usize,
}

/// A lesson in the module's list, drafts and archived ones included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonItem {
    #[serde(flatten)]
    pub link: LessonLink,
    pub archived: bool,
}

/// A module and everything in it, drafts and archived items included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleOutline {
    #[serde(flatten)]
    pub facts: ModuleFacts,
    pub archived: bool,
    pub objectives: Vec<ObjectiveItem>,
    pub lessons: Vec<LessonItem>,
    pub resources: Vec<ResourceLink>,
    pub quizzes: Vec<QuizItem>,
}

/// A lesson being written, with the preview of its saved text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonDraft {
    pub id: i32,
    pub module_id: i32,
    pub module_title: String,
    pub title: String,
    pub estimated_minutes: i32,
    pub body_markdown: String,
    pub published: bool,
    pub archived: bool,
    pub html: String,
}

/// A question with its answers written the way the form expects them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionDraft {
    pub id: i32,
    /// The kind's code ([`crate::quiz::rules::grading::QuestionKind::code`]).
    pub kind: String,
    pub prompt: String,
    pub feedback: String,
    pub objective_id: Option<i32>,
    pub points: i32,
    /// The answers textarea ([`super::rules::answers_format::format`]).
    pub answers: String,
    /// Whether learners have answered it (its kind and answers are then frozen).
    pub answered: bool,
}

/// A quiz, its settings and its questions with their answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizOutline {
    pub id: i32,
    pub module_id: i32,
    pub module_title: String,
    pub title: String,
    pub pass_mark_percent: i32,
    pub max_attempts: Option<i32>,
    pub time_limit_minutes: Option<i32>,
    pub shuffle: bool,
    pub published: bool,
    pub archived: bool,
    pub objectives: Vec<ObjectiveItem>,
    pub questions: Vec<QuestionDraft>,
}

// What the workshop's forms post (one input per server function).

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewLesson {
    pub module_id: i32,
    pub title: String,
    pub estimated_minutes: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewModule {
    pub title: String,
    pub duration_minutes: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewQuiz {
    pub module_id: i32,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewResource {
    pub module_id: i32,
    /// "link", "document" or "contact".
    pub kind: String,
    pub title: String,
    /// Optional for a contact.
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MoveInput {
    /// A module, lesson, resource or question.
    pub target: crate::authoring::rules::ordering::Target,
    pub id: i32,
    pub direction: crate::authoring::rules::ordering::Direction,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PublishInput {
    /// A module, lesson or quiz.
    pub target: crate::authoring::rules::ordering::Target,
    pub id: i32,
    pub published: bool,
}

/// « Supprimer définitivement »: a module, lesson or quiz nobody has used.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RemovalInput {
    /// A module, lesson or quiz.
    pub target: crate::authoring::rules::ordering::Target,
    pub id: i32,
    /// The confirmation box ([`crate::confirm::CONFIRMED`] when ticked).
    #[serde(default)]
    pub confirmed: Option<String>,
}

/// « Archiver » / « Restaurer » a module, lesson or quiz.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ArchiveInput {
    /// A module, lesson or quiz.
    pub target: crate::authoring::rules::ordering::Target,
    pub id: i32,
    pub archived: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QuestionInput {
    pub quiz_id: i32,
    /// Absent for a new question.
    #[serde(default)]
    pub id: Option<i32>,
    /// A [`crate::quiz::rules::grading::QuestionKind`] code.
    pub kind: String,
    pub prompt: String,
    #[serde(default)]
    pub feedback: String,
    /// An objective of the quiz's module, or empty.
    #[serde(default)]
    pub objective_id: String,
    pub points: String,
    pub answers: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LessonUpdate {
    pub id: i32,
    pub title: String,
    pub estimated_minutes: String,
    #[serde(default)]
    pub body_markdown: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ModuleUpdate {
    pub id: i32,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    pub duration_minutes: String,
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub prerequisites: String,
    /// One objective per line.
    #[serde(default)]
    pub objectives: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QuizUpdate {
    pub id: i32,
    pub title: String,
    pub pass_mark_percent: String,
    /// Empty: unlimited.
    #[serde(default)]
    pub max_attempts: String,
    /// Empty: no time limit.
    #[serde(default)]
    pub time_limit_minutes: String,
    /// A checkbox: absent when unticked.
    #[serde(default)]
    pub shuffle: bool,
}

/// The query parameter each workshop form's redirect carries; the notice it
/// shows is written in `pages/notices.rs`.
pub mod done {
    pub const CREATED: &str = "cree";
    pub const SAVED: &str = "enregistre";
    pub const PUBLISHED: &str = "publie";
    pub const WITHDRAWN: &str = "retire";
    pub const RESOURCE_ADDED: &str = "ressource";
    pub const RESOURCE_REMOVED: &str = "ressource_retiree";
    pub const QUESTION_SAVED: &str = "question";
    pub const QUESTION_DELETED: &str = "question_supprimee";
    pub const DELETED: &str = "supprime";
    pub const ARCHIVED: &str = "archive";
    pub const RESTORED: &str = "restaure";
}
