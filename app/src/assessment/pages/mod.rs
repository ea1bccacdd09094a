//! The questionnaire pages: the learner's (form and own results), the
//! trainer's cohort figures, and the trainer's item editor.

mod cohort;
mod editor;
mod fields;
mod learner;
mod pending;

pub use cohort::CohortPage;
pub use editor::EditorPage;
pub use learner::LearnerAssessmentPage;
pub use pending::PendingQuestionnaires;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The `:id` of the route, as a session id.
fn session_id() -> Memo<Option<i32>> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i32>().ok())
    })
}
