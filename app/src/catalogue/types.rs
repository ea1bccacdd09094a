//! What the catalogue shows of a module.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleSummary {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub duration_minutes: i32,
    pub audience: String,
    pub objectives: Vec<String>,
}

/// A module's own fields, drafts included: what the catalogue's page and the
/// workshop's outline both show (flattened into them on the wire).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleFacts {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub duration_minutes: i32,
    pub audience: String,
    pub prerequisites: String,
    pub published: bool,
}

/// A module's page: what it teaches, its lessons, resources and quizzes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleDetail {
    #[serde(flatten)]
    pub facts: ModuleFacts,
    pub objectives: Vec<String>,
    pub lessons: Vec<LessonLink>,
    pub resources: Vec<ResourceLink>,
    pub quizzes: Vec<QuizLink>,
    /// Whether the reader is signed in (progress is shown and kept only then).
    pub signed_in: bool,
    /// Whether the reader writes content and follows cohorts (trainer, coordinator).
    pub author: bool,
}

impl ModuleDetail {
    pub fn lessons_done(&self) -> usize {
        self.lessons.iter().filter(|l| l.done).count()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonLink {
    pub id: i32,
    pub position: i32,
    pub title: String,
    pub estimated_minutes: i32,
    pub published: bool,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceLink {
    pub id: i32,
    pub kind: String,
    pub title: String,
    pub url: Option<String>,
    pub description: String,
}

impl ResourceLink {
    pub fn kind_label(&self) -> &'static str {
        match self.kind.as_str() {
            "document" => "Document",
            "contact" => "Contact local",
            _ => "Lien",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizLink {
    pub id: i32,
    pub title: String,
    pub published: bool,
}

/// One module in « Ma progression ».
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModuleProgress {
    pub slug: String,
    pub title: String,
    pub lessons_done: usize,
    pub lessons_total: usize,
    pub best_quiz_percent: Option<f64>,
}

/// A lesson to read, its body already rendered and sanitised on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonPage {
    pub id: i32,
    pub module_slug: String,
    pub module_title: String,
    pub position: i32,
    pub title: String,
    pub estimated_minutes: i32,
    pub published: bool,
    pub html: String,
    pub done: bool,
    pub previous: Option<i32>,
    pub next: Option<i32>,
    pub count: usize,
}

/// "7 h", "1 h 30", "45 min": a duration as French readers write it.
pub fn format_duration(minutes: i32) -> String {
    let minutes = minutes.max(0);
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}\u{a0}min"),
        (h, 0) => format!("{h}\u{a0}h"),
        (h, m) => format!("{h}\u{a0}h\u{a0}{m:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::format_duration;

    #[test]
    fn durations_read_the_french_way() {
        assert_eq!(format_duration(420), "7\u{a0}h");
        assert_eq!(format_duration(90), "1\u{a0}h\u{a0}30");
        assert_eq!(format_duration(65), "1\u{a0}h\u{a0}05");
        assert_eq!(format_duration(45), "45\u{a0}min");
        assert_eq!(format_duration(-5), "0\u{a0}min");
    }
}
