//! Assessment: the questionnaires before, after and three months after a
//! course, and the trainer's cohort figures.

mod absent;
mod cohort;
mod editor;
mod follow_up;
mod questionnaires;
pub mod support;
