//! What the questionnaire pages and server functions exchange.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::rules::Phase;
use super::rules::cohort::Figures;

/// One item as shown to people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: i32,
    pub prompt: String,
    /// `likert`, `yes_no` or `free_text`.
    pub item_type: String,
    pub objective_id: Option<i32>,
    pub objective: Option<String>,
    pub is_crisis_item: bool,
}

/// Where a phase stands for one learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PhaseState {
    NotYet,
    Open,
    Answered,
    Closed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhaseStatus {
    pub phase: Phase,
    pub state: PhaseState,
}

/// A questionnaire to fill in now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireForm {
    pub phase: Phase,
    pub questionnaire_id: i32,
    pub items: Vec<Item>,
}

/// A learner's own answers to one self-assessment item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnResult {
    pub prompt: String,
    pub before: Option<i32>,
    pub after: Option<i32>,
    pub retrospective: Option<i32>,
}

/// The learner's page of one session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearnerView {
    pub session_id: i32,
    pub session_title: String,
    pub phases: Vec<PhaseStatus>,
    /// The first open phase not answered yet (before, after, à chaud, retrospective).
    pub form: Option<QuestionnaireForm>,
    pub results: Vec<OwnResult>,
}

/// A posted questionnaire (`input[answers][i<item>]`, see `rules::validate`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SubmitInput {
    pub session_id: i32,
    pub phase: String,
    /// The version the form showed: a stale form is refused rather than misfiled.
    pub questionnaire_id: i32,
    #[serde(default)]
    pub answers: HashMap<String, String>,
}

/// A trainer's view of the self-assessment items of a session's module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditorView {
    pub session_id: i32,
    pub module_title: String,
    pub version: i32,
    /// Answers exist for this version: the next edit makes version + 1.
    pub answered: bool,
    pub items: Vec<Item>,
    pub objectives: Vec<(i32, String)>,
}

/// One edit of an item (`action`: add, update, remove, up, down).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EditItemInput {
    pub session_id: i32,
    pub action: crate::assessment::rules::versioning::Edit,
    #[serde(default)]
    pub item_id: Option<i32>,
    #[serde(default)]
    pub prompt: String,
    /// An objective id, or empty for none.
    #[serde(default)]
    pub objective_id: String,
}

/// One self-assessment item across the cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CohortItem {
    pub prompt: String,
    pub is_crisis_item: bool,
    pub figures: Figures,
}

/// How many confirmed people answered a phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhaseRate {
    pub phase: Phase,
    pub answered: usize,
    pub rate: Option<f64>,
}

/// The à-chaud answers, aggregated; comments carry no names and are sorted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SatisfactionSummary {
    pub responses: usize,
    pub overall_mean: Option<f64>,
    pub topics: Vec<(String, Option<f64>)>,
    pub recommend_rate: Option<f64>,
    pub comments: Vec<String>,
}

/// The à-froid answers, aggregated; examples carry no names and are sorted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpSummary {
    pub responses: usize,
    /// Share of the answers to « avez-vous utilisé… ? » that say yes.
    pub used_rate: Option<f64>,
    pub usefulness_mean: Option<f64>,
    pub examples: Vec<String>,
}

/// The trainer's view of a session's questionnaires.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CohortView {
    pub session_id: i32,
    pub session_title: String,
    pub confirmed: usize,
    pub rates: Vec<PhaseRate>,
    pub items: Vec<CohortItem>,
    pub satisfaction: SatisfactionSummary,
    pub follow_up: FollowUpSummary,
}

/// A questionnaire waiting for the learner (for « Mon espace »).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    pub session_id: i32,
    pub session_title: String,
    pub phase: Phase,
}
