//! What crosses the wire for the year's programme.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// One module's line: what is planned, and where the year stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanLine {
    pub module_id: i32,
    pub title: String,
    pub planned: i32,
    /// Sessions of the year already held (« réalisées »).
    pub held: i64,
    /// Sessions of the year still to come (« prévues »).
    pub scheduled: i64,
}

/// A year's programme as the coordinator sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    pub year: i32,
    /// The years the page offers, oldest first.
    pub years: Vec<i32>,
    /// Whether this year can still be changed.
    pub editable: bool,
    pub lines: Vec<PlanLine>,
    pub note: String,
    /// « le 3 décembre 2026 », when the year was last saved.
    pub updated: Option<String>,
}

/// The form: one count per module (`m12` → "3"), and the note.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ProgrammeInput {
    pub year: i32,
    #[serde(default)]
    pub planned: HashMap<String, String>,
    #[serde(default)]
    pub note: String,
}

/// The form field of a module's count.
pub fn planned_key(module_id: i32) -> String {
    format!("m{module_id}")
}
