//! The attendance sheet as CSV: one row per learner and half-day, with the
//! session's facts repeated so each row stands alone in a spreadsheet.

use crate::error::AppError;
use crate::export::{csv_cell, csv_writer};

use super::model::Sheet;

const HEADER: [&str; 18] = [
    "Session",
    "Module",
    "Intitulé de la session",
    "Modalité",
    "Lieu",
    "Formateur·rices",
    "Date",
    "Demi-journée",
    "Début",
    "Fin",
    "Personne",
    "Structure",
    "Statut",
    "Heure d’émargement",
    "Mode d’enregistrement",
    "Enregistré le",
    "Signature de l’appel",
    "Taux de présence de la personne (%)",
];

/// The CSV bytes (see [`csv_writer`]), text cells neutralised.
pub fn sheet_csv(sheet: &Sheet) -> Result<Vec<u8>, AppError> {
    let mut out = csv_writer();
    out.write_record(HEADER).map_err(AppError::internal)?;
    let session = sheet.session_id.to_string();
    let place = sheet.place.clone().unwrap_or_default();
    let trainers = sheet.trainers.join(", ");
    for learner in &sheet.learners {
        let rate = learner
            .rate_percent
            .map(|p| p.to_string())
            .unwrap_or_default();
        for (slot, cell) in sheet.slots.iter().zip(&learner.cells) {
            let row = [
                &session,
                &sheet.module_title,
                &sheet.session_title,
                &sheet.mode,
                &place,
                &trainers,
                &slot.iso_date,
                &slot.half_day,
                &slot.starts,
                &slot.ends,
                &learner.name,
                &learner.structure,
                &cell.status,
                &cell.time,
                &cell.method,
                &cell.recorded_at,
                &slot.confirmation,
                &rate,
            ];
            out.write_record(row.map(|c| csv_cell(c)))
                .map_err(AppError::internal)?;
        }
    }
    out.into_inner()
        .map_err(|e| AppError::internal(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::super::model::{SheetCell, SheetLearner, SheetSlot};
    use super::*;

    fn slot(date: &str, half: &str) -> SheetSlot {
        SheetSlot {
            label: String::new(),
            short_date: String::new(),
            half_day: half.into(),
            hours: String::new(),
            confirmation: "Non signé".into(),
            signed: false,
            iso_date: date.into(),
            starts: "09:00".into(),
            ends: "12:30".into(),
        }
    }

    fn cell(status: &str) -> SheetCell {
        SheetCell {
            status: status.into(),
            time: String::new(),
            method: String::new(),
            recorded_at: String::new(),
        }
    }

    #[test]
    fn one_row_per_learner_and_half_day_with_formulas_defused() {
        let sheet = Sheet {
            session_id: 12,
            organisation: String::new(),
            title: String::new(),
            module_title: "Module".into(),
            session_title: "Session".into(),
            mode: "Présentiel".into(),
            place: None,
            visio_url: None,
            trainers: vec!["A".into(), "B".into()],
            dates: String::new(),
            slots: vec![
                slot("2030-04-16", "Matin"),
                slot("2030-04-16", "Après-midi"),
            ],
            learners: vec![SheetLearner {
                name: "=1+1".into(),
                structure: "CCAS".into(),
                cells: vec![cell("Présent·e"), cell("Absent·e")],
                rate: "50 %".into(),
                rate_percent: Some(50),
            }],
            session_rate: String::new(),
            issued: String::new(),
        };
        let bytes = sheet_csv(&sheet).expect("csv");
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        let mut reader = csv::Reader::from_reader(&bytes[3..]);
        assert_eq!(reader.headers().expect("headers").len(), HEADER.len());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][10], "'=1+1");
        assert_eq!(&rows[0][5], "A, B");
        assert_eq!((&rows[0][7], &rows[0][12]), ("Matin", "Présent·e"));
        assert_eq!((&rows[1][7], &rows[1][12]), ("Après-midi", "Absent·e"));
        assert_eq!(&rows[1][17], "50");
    }
}
