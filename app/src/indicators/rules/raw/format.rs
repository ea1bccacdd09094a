//! How each cell of the raw data is written: yes / no, hours, means and
//! scores with a dot, French labels, and a blank (or « Non renseigné ») when
//! nothing was answered.

use crate::accounts::rules::Sector;
use crate::sessions::rules::Mode;

/// An empty sector or profession.
pub const UNKNOWN: &str = "Non renseigné";

/// Every half-day of the session attended (a session without half-days never is).
pub fn complete(attended: i64, planned: i64) -> bool {
    planned > 0 && attended >= planned
}

pub fn yes_no(flag: bool) -> String {
    if flag { "oui" } else { "non" }.to_owned()
}

/// A yes / no answer (stored 1 / 0); blank without an answer.
pub fn answer(value: Option<i32>) -> String {
    value.map_or_else(String::new, |v| yes_no(v > 0))
}

/// Minutes as hours with one decimal and a dot, like every CSV export: 390 → `6.5`.
pub fn hours(minutes: i64) -> String {
    format!("{:.1}", minutes as f64 / 60.0)
}

/// A mean with one decimal (`2.5`, `4.0`); blank without an answer.
pub fn mean(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| format!("{v:.1}"))
}

/// A score on 5: whole when it is (`4`), else one decimal (`4.5`); blank without an answer.
pub fn score(value: Option<f64>) -> String {
    match value {
        None => String::new(),
        Some(v) if (v - v.round()).abs() < 1e-9 => format!("{}", v.round() as i64),
        Some(v) => format!("{v:.1}"),
    }
}

pub fn integer(value: Option<i32>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

pub fn present(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// The sector's French label; « Non renseigné » without one.
pub fn sector_label(code: Option<&str>) -> String {
    match present(code) {
        None => UNKNOWN.to_owned(),
        Some(code) => Sector::from_code(code).map_or_else(|| code.to_owned(), |s| s.label().into()),
    }
}

/// The mode's French label.
pub fn mode_label(code: &str) -> String {
    Mode::from_code(code).map_or_else(|| code.to_owned(), |m| m.label().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attendance_is_complete_only_with_every_half_day() {
        assert!(complete(2, 2));
        assert!(!complete(1, 2));
        assert!(!complete(0, 0), "a session without half-days");
        assert_eq!(hours(390), "6.5");
        assert_eq!(hours(0), "0.0");
    }

    #[test]
    fn answers_are_written_plainly_and_blank_when_missing() {
        assert_eq!(answer(Some(1)), "oui");
        assert_eq!(answer(Some(0)), "non");
        assert_eq!(answer(None), "");
        assert_eq!(score(Some(4.0)), "4");
        assert_eq!(score(Some(3.5)), "3.5");
        assert_eq!(score(None), "");
        assert_eq!(mean(Some(4.0)), "4.0");
        assert_eq!(mean(Some(2.26)), "2.3");
        assert_eq!(mean(None), "");
    }

    #[test]
    fn labels_are_french_and_unknowns_named() {
        assert_eq!(
            sector_label(Some("logement_hebergement")),
            "Logement et hébergement"
        );
        assert_eq!(sector_label(None), UNKNOWN);
        assert_eq!(sector_label(Some("  ")), UNKNOWN);
        assert_eq!(mode_label("distanciel"), "Distanciel");
    }
}
