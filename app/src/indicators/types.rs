//! What the dashboard and the exports exchange.

use serde::{Deserialize, Serialize};

/// What the coordinator selected: a programme year, and optionally a module,
/// a mode and a trainer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    pub year: i32,
    pub module_id: Option<i32>,
    /// A mode code (`presentiel`, `distanciel`, `hybride`).
    pub mode: Option<String>,
    pub trainer_id: Option<i32>,
}

/// The choices of the filter form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FilterOptions {
    pub years: Vec<i32>,
    pub modules: Vec<(i32, String)>,
    pub trainers: Vec<(i32, String)>,
}

/// Sessions of one module in the year, against its programme.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeRow {
    pub module: String,
    /// Sessions the year's programme planned (`None` when a filter on mode or
    /// trainer makes the programme, set per module, not comparable).
    pub planned: Option<i64>,
    pub held: i64,
    pub scheduled: i64,
    pub cancelled: i64,
}

/// Sessions held, scheduled and cancelled in one mode.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModeRow {
    pub mode: String,
    pub held: i64,
    pub scheduled: i64,
    pub cancelled: i64,
}

/// Confirmed participations in the year's sessions that were not cancelled.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Funnel {
    pub enrolled: i64,
    pub attended_one: i64,
    pub attended_all: i64,
    /// Different people who attended at least one half-day.
    pub people_trained: i64,
    /// Sum of the attended half-days' durations.
    pub trainee_minutes: i64,
}

/// One line of a typology: a label, how many people, their share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountRow {
    pub label: String,
    pub count: i64,
    pub share: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Typology {
    pub sectors: Vec<CountRow>,
    pub professions: Vec<CountRow>,
    pub structures: Vec<CountRow>,
}

/// Skills acquired on one objective (self-assessment and quiz).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkillRow {
    pub module: String,
    pub objective: String,
    /// People who answered the self-assessment after the course on this objective.
    pub answered_after: i64,
    /// Share of them at 4 or 5 after the course.
    pub reached_share: Option<f64>,
    /// People who answered before and after.
    pub paired: i64,
    /// Their mean before and after the course (on 5).
    pub mean_before: Option<f64>,
    pub mean_after: Option<f64>,
    /// Mean of (after − before) over them.
    pub mean_change: Option<f64>,
    /// Share of the points scored in the quiz questions tagged with the objective.
    pub quiz_share: Option<f64>,
}

/// The crisis indicator of fiche 14.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Crisis {
    /// Participations with at least one half-day attended (the denominator of the response rate).
    pub trained: i64,
    /// Answers to the crisis item after the course.
    pub respondents: i64,
    /// Of them, at 4 or 5 (« plutôt » or « tout à fait » capable).
    pub capable: i64,
    /// Answered the crisis item before and after.
    pub paired: i64,
    /// Of them, higher after than before.
    pub improved: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Satisfaction {
    pub hot_responses: i64,
    pub overall_mean: Option<f64>,
    pub recommend_rate: Option<f64>,
    pub cold_responses: i64,
    pub used_rate: Option<f64>,
    pub usefulness_mean: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Partners {
    /// Structures with at least one person trained in the year.
    pub structures: i64,
    /// Of them, with nobody trained in an earlier year.
    pub new_structures: i64,
}

/// The headline figures of one year (the trend).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct YearRow {
    pub year: i32,
    pub held: i64,
    pub people_trained: i64,
    pub trainee_minutes: i64,
    pub crisis_capable: i64,
    pub overall_mean: Option<f64>,
    pub recommend_rate: Option<f64>,
    /// À froid: share who used what they learnt.
    pub used_rate: Option<f64>,
    pub structures: i64,
    pub new_structures: i64,
}

/// Everything the dashboard shows for one selection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub filters: Filters,
    pub options: FilterOptions,
    pub programme: Vec<ProgrammeRow>,
    pub modes: Vec<ModeRow>,
    pub cancel_reasons: Vec<CountRow>,
    pub funnel: Funnel,
    pub typology: Typology,
    pub skills: Vec<SkillRow>,
    pub crisis: Crisis,
    pub satisfaction: Satisfaction,
    pub partners: Partners,
    pub trend: Vec<YearRow>,
}
