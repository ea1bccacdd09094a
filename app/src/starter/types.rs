//! What the starter content's server functions answer.

use serde::{Deserialize, Serialize};

/// What an installation added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Installed {
    pub modules: usize,
    pub lessons: usize,
    pub quizzes: usize,
    pub questionnaires: usize,
}

impl Installed {
    /// « 3 modules, 12 leçons, 3 quiz et 9 questionnaires » (French plurals).
    pub fn summary(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n > 1 { many } else { one });
        format!(
            "{}, {}, {} et {}",
            plural(self.modules, "module", "modules"),
            plural(self.lessons, "leçon", "leçons"),
            plural(self.quizzes, "quiz", "quiz"),
            plural(self.questionnaires, "questionnaire", "questionnaires"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_speaks_french_plurals() {
        let one = Installed {
            modules: 1,
            lessons: 1,
            quizzes: 1,
            questionnaires: 1,
        };
        assert_eq!(
            one.summary(),
            "1 module, 1 leçon, 1 quiz et 1 questionnaire"
        );
        let many = Installed {
            modules: 3,
            lessons: 12,
            quizzes: 3,
            questionnaires: 9,
        };
        assert_eq!(
            many.summary(),
            "3 modules, 12 leçons, 3 quiz et 9 questionnaires"
        );
    }
}
