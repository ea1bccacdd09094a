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
