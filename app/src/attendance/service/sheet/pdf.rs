//! The attendance sheet as PDF, through the shared Typst engine.

use chrono::{DateTime, Utc};

use crate::error::AppError;
use crate::pdf::{Template, render};

use super::model::Sheet;

const TEMPLATE: Template = Template {
    name: "emargement.typ",
    source: include_str!("emargement.typ"),
};

/// The PDF bytes. CPU-bound: call from `spawn_blocking`.
pub fn sheet_pdf(sheet: &Sheet, now: DateTime<Utc>) -> Result<Vec<u8>, AppError> {
    render(TEMPLATE, sheet, now).map_err(AppError::internal)
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, NaiveDate, TimeZone};

    use super::super::model::{LearnerRow, MarkRow, SessionRow, SheetRows, SlotRow, build_sheet};
    use super::*;

    const HOSTILE: &str = "Zoé #panic(\"x\") ] *gras* $x$";

    fn rows(slots: usize, learners: &[&str]) -> SheetRows {
        let start = Utc
            .with_ymd_and_hms(2030, 4, 15, 7, 0, 0)
            .single()
            .expect("instant");
        let slots: Vec<SlotRow> = (0..slots)
            .map(|i| {
                let at = start + Duration::days(i as i64);
                SlotRow {
                    id: i as i32 + 1,
                    day: NaiveDate::from_ymd_opt(2030, 4, 15 + i as u32).expect("day"),
                    half_day: "matin".into(),
                    starts_at: at,
                    ends_at: at + Duration::minutes(210),
                    confirmed_at: None,
                    confirmed_by: None,
                }
            })
            .collect();
        let marks = slots
            .iter()
            .map(|s| MarkRow {
                slot_id: s.id,
                enrolment_id: 1,
                status: "present".into(),
                method: "code".into(),
                recorded_at: s.starts_at,
            })
            .collect();
        SheetRows {
            session: SessionRow {
                id: 3,
                title: "Groupe ] #d’automne".into(),
                module_title: "Santé mentale et précarité".into(),
                mode: "distanciel".into(),
                place_address: None,
                place_room: None,
                visio_url: Some("https://visio.example.org/a".into()),
            },
            trainers: vec!["Claire Formatrice".into()],
            slots,
            learners: learners
                .iter()
                .enumerate()
                .map(|(i, name)| LearnerRow {
                    enrolment_id: i as i32 + 1,
                    name: (*name).to_owned(),
                    structure: Some("EMPP".into()),
                })
                .collect(),
            marks,
        }
    }

    fn text(sheet_rows: SheetRows) -> String {
        let now = Utc::now();
        let pdf = sheet_pdf(&build_sheet(sheet_rows, now), now).expect("pdf");
        pdf_extract::extract_text_from_mem(&pdf)
            .expect("text")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_sheet_prints_hostile_names_as_text() {
        let text = text(rows(2, &[HOSTILE, "Élise Bernard"]));
        for expected in [
            HOSTILE,
            "Élise Bernard",
            "Groupe ] #d’automne",
            "Santé mentale et précarité",
            "Distanciel",
            "Claire Formatrice",
            "Présent·e",
            "à 9 h 00",
        ] {
            assert!(
                text.contains(expected),
                "{expected:?} missing from {text:?}"
            );
        }
    }

    #[test]
    fn long_empty_and_slotless_sessions_still_print() {
        // Six half-days: two tables side by side of four and two.
        let text_long = text(rows(6, &["Ana"]));
        assert!(text_long.contains("20/04/2030"), "{text_long}");
        let text_empty = text(rows(2, &[]));
        assert!(text_empty.contains("Aucune inscription confirmée"));
        let text_slotless = text(rows(0, &["Ana"]));
        assert!(text_slotless.contains("Aucune demi-journée"));
        assert!(text_slotless.contains("Ana"));
    }
}
