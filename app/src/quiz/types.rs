//! What the browser receives about quizzes. Before an attempt is submitted it
//! gets only prompts and choice labels ([`AttemptSheet`]); the correct answers
//! and feedback travel only inside an [`AttemptResult`], built after submission.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::quiz::rules::grading::{QuestionKind, Response};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizOverview {
    pub id: i32,
    pub title: String,
    pub module_slug: String,
    pub module_title: String,
    pub published: bool,
    pub pass_mark_percent: i32,
    pub max_attempts: Option<i32>,
    pub time_limit_minutes: Option<i32>,
    pub question_count: usize,
    pub attempts: Vec<AttemptSummary>,
    pub best_percent: Option<f64>,
    /// An attempt started and not yet submitted, to resume.
    pub open_attempt: Option<i32>,
    /// Attempts the learner may still start (`None`: unlimited).
    pub attempts_left: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptSummary {
    pub id: i32,
    pub number: i32,
    pub started_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub percent: Option<f64>,
    pub passed: Option<bool>,
}

/// A label the learner can pick, by choice id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pick {
    pub id: i32,
    pub label: String,
}

/// One question as shown during an attempt: no key, no feedback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionSheet {
    pub id: i32,
    pub kind: QuestionKind,
    pub prompt: String,
    pub points: i32,
    /// Choices, left-hand items (matching) or items to order, in display order.
    pub choices: Vec<Pick>,
    /// Matching only: the right-hand options.
    pub options: Vec<Pick>,
    pub saved: Option<Response>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptSheet {
    pub id: i32,
    pub quiz_id: i32,
    pub quiz_title: String,
    pub module_slug: String,
    pub number: i32,
    pub deadline_at: Option<DateTime<Utc>>,
    /// The deadline as people in Metz read it, « 14 h 05 ».
    pub deadline_label: Option<String>,
    pub questions: Vec<QuestionSheet>,
}

/// One question after submission: what was answered, what was expected, why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionOutcome {
    pub prompt: String,
    pub kind: QuestionKind,
    pub points: f64,
    pub max: f64,
    pub correct: bool,
    pub given: Vec<String>,
    pub expected: Vec<String>,
    pub feedback: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptResult {
    pub id: i32,
    pub quiz_id: i32,
    pub quiz_title: String,
    pub module_slug: String,
    pub number: i32,
    pub score: f64,
    pub max: f64,
    pub percent: f64,
    pub passed: bool,
    pub pass_mark_percent: i32,
    /// Closed by the time limit: only answers saved before it were graded.
    pub timed_out: bool,
    pub questions: Vec<QuestionOutcome>,
}

/// An attempt page shows either the questions or, once submitted, the result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AttemptView {
    Open(AttemptSheet),
    Closed(AttemptResult),
}

/// Learners per page of a quiz's results.
pub const RESULTS_PER_PAGE: u64 = 50;
/// A year the results do not offer, or not a year.
pub const NO_SUCH_YEAR: &str = "Cette année n’est pas proposée pour les résultats de ce quiz.";
/// A page of the results that was never given.
pub const NO_SUCH_PAGE: &str = "Cette page des résultats du quiz n’existe pas.";

/// A trainer's view of a quiz for one year: their cohorts' learners, a page
/// at a time, and how each question went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizResults {
    pub quiz_id: i32,
    pub quiz_title: String,
    pub module_title: String,
    /// Whose results these are, in words (« vos groupes », « toutes les personnes »).
    pub scope: String,
    /// The calendar year shown (attempts started in it).
    pub year: i32,
    /// The years that can be chosen, latest first.
    pub years: Vec<i32>,
    pub lessons_total: usize,
    /// How many learners the year lists, on every page.
    pub learners_total: u64,
    pub learners: Vec<LearnerResult>,
    /// The id of the last learner of this page, when more follow (`?apres=`).
    pub next: Option<i32>,
    /// This is not the first page.
    pub later_page: bool,
    pub questions: Vec<QuestionStat>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearnerResult {
    pub name: String,
    pub structure: Option<String>,
    pub lessons_done: usize,
    pub attempts: usize,
    pub best_percent: Option<f64>,
    pub passed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionStat {
    pub position: usize,
    pub prompt: String,
    pub objective: Option<String>,
    /// Submitted attempts that showed this question.
    pub attempts: usize,
    /// Of those, answers that earned every point.
    pub correct: usize,
}

impl QuestionStat {
    pub fn share_correct(&self) -> Option<f64> {
        (self.attempts > 0).then(|| self.correct as f64 * 100.0 / self.attempts as f64)
    }
}

/// « 85 % », « 66,7 % »: a share as French readers write it.
pub fn format_percent(percent: f64) -> String {
    let rounded = (percent * 10.0).round() / 10.0;
    let text = if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}").replace('.', ",")
    };
    format!("{text}\u{a0}%")
}

/// The French name of a question kind.
pub fn kind_label(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::SingleChoice => "Choix unique",
        QuestionKind::MultipleChoice => "Choix multiples",
        QuestionKind::TrueFalse => "Vrai ou faux",
        QuestionKind::ShortAnswer => "Réponse courte",
        QuestionKind::Matching => "Association",
        QuestionKind::Ordering => "Remise en ordre",
    }
}

#[cfg(test)]
mod tests {
    use super::format_percent;

    #[test]
    fn percents_read_the_french_way() {
        assert_eq!(format_percent(85.0), "85\u{a0}%");
        assert_eq!(format_percent(200.0 / 3.0), "66,7\u{a0}%");
        assert_eq!(format_percent(0.04), "0\u{a0}%");
    }
}
