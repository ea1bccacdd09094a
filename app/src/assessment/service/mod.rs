//! The questionnaires' work on the database (server only).

pub mod access;
pub mod answers;
pub mod cohort;
pub mod edit;
pub mod follow_up;
pub mod learner;
pub mod questionnaire;
pub mod satisfaction;
pub mod submit;
