//! The anonymised raw data of the indicators, one row per participation
//! (`/exports/indicateurs/{year}/donnees.csv`): its columns, how each cell is
//! written, the masking of rare professions and the numbering of people.
//! Plain functions; the SQL that gathers the facts is in `service::raw`.
//!
//! Nothing that names or dates a person is exported: no name, e-mail,
//! account, enrolment or session number, structure, exact date or free-text
//! answer. A person gets a number that only exists in the file, computed from
//! what the file shows (never from a database id), the same on each of their
//! rows, so that different people can still be counted.
//!
//! `format` writes each cell, `anonymise` masks and numbers.

mod anonymise;
mod format;

use std::hash::Hash;

pub use anonymise::RARE_PROFESSION;
use anonymise::{number_people, profession_counts, profession_label};
pub use format::UNKNOWN;
use format::{answer, complete, hours, integer, mean, mode_label, score, sector_label, yes_no};

/// The header row.
pub const HEADERS: [&str; 19] = [
    "Personne",
    "Année",
    "Mois de la session",
    "Module",
    "Modalité",
    "Secteur",
    "Profession",
    "Demi-journées prévues",
    "Demi-journées suivies",
    "Heures suivies",
    "Suivi complet",
    "Auto-évaluation crise avant",
    "Auto-évaluation crise après",
    "Auto-évaluation moyenne avant",
    "Auto-évaluation moyenne après",
    "Satisfaction globale à chaud",
    "Recommande la formation",
    "À froid, a utilisé les acquis",
    "Utilité à froid",
];

/// One participation as the database gives it, before anonymisation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Participation {
    pub year: i32,
    /// Month of the session's first half-day, `2031-03`.
    pub month: Option<String>,
    pub module: String,
    /// Mode code (`presentiel`…).
    pub mode: String,
    /// Sector code of the person, else of their structure.
    pub sector: Option<String>,
    pub profession: Option<String>,
    /// Half-days of the session.
    pub planned: i64,
    /// Half-days attended (present or late).
    pub attended: i64,
    /// Minutes of the half-days attended.
    pub minutes: i64,
    pub crisis_before: Option<i32>,
    pub crisis_after: Option<i32>,
    /// Mean of the self-assessment items tagged with an objective.
    pub mean_before: Option<f64>,
    pub mean_after: Option<f64>,
    /// Overall satisfaction à chaud (1–5).
    pub overall: Option<f64>,
    /// Would recommend (1 yes, 0 no).
    pub recommend: Option<i32>,
    /// À froid: has used what was learnt (1 yes, 0 no).
    pub used: Option<i32>,
    /// À froid: usefulness in practice (1–5).
    pub usefulness: Option<f64>,
}

/// The cells of one participation, every column but the person's number.
pub fn cells(p: &Participation, profession: String) -> Vec<String> {
    vec![
        p.year.to_string(),
        p.month.clone().unwrap_or_default(),
        p.module.clone(),
        mode_label(&p.mode),
        sector_label(p.sector.as_deref()),
        profession,
        p.planned.to_string(),
        p.attended.to_string(),
        hours(p.minutes),
        yes_no(complete(p.attended, p.planned)),
        integer(p.crisis_before),
        integer(p.crisis_after),
        mean(p.mean_before),
        mean(p.mean_after),
        score(p.overall),
        answer(p.recommend),
        answer(p.used),
        score(p.usefulness),
    ]
}

/// The anonymised rows of the file from each participation and its person's key.
pub fn rows<K: Eq + Hash + Clone>(participations: Vec<(K, Participation)>) -> Vec<Vec<String>> {
    let counts = profession_counts(
        participations
            .iter()
            .map(|(k, p)| (k.clone(), p.profession.as_deref())),
    );
    number_people(
        participations
            .into_iter()
            .map(|(k, p)| {
                let profession = profession_label(p.profession.as_deref(), &counts);
                let row = cells(&p, profession);
                (k, row)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn part(module: &str, month: &str, profession: &str) -> Participation {
        Participation {
            year: 2031,
            month: Some(month.into()),
            module: module.into(),
            mode: "presentiel".into(),
            sector: Some("soin".into()),
            profession: Some(profession.into()),
            planned: 2,
            attended: 1,
            minutes: 180,
            ..Default::default()
        }
    }

    #[test]
    fn rows_mask_rare_professions_and_hold_no_key() {
        let mut all: Vec<(i32, Participation)> = (1..=5)
            .map(|id| (id, part("Module 1", "2031-03", "Infirmier·ère")))
            .collect();
        all.push((6, part("Module 1", "2031-05", "Psychiatre")));
        all.push((6, part("Module 2", "2031-09", "Psychiatre")));
        let rows = rows(all);
        assert_eq!(rows.len(), 7);
        assert!(rows.iter().all(|r| r.len() == HEADERS.len()));
        let professions: HashSet<&str> = rows.iter().map(|r| r[6].as_str()).collect();
        assert_eq!(
            professions,
            HashSet::from(["Infirmier·ère", RARE_PROFESSION])
        );
        let rare: Vec<&Vec<String>> = rows.iter().filter(|r| r[6] == RARE_PROFESSION).collect();
        assert_eq!(rare.len(), 2);
        assert_eq!(rare[0][0], rare[1][0], "the same person, the same number");
        assert_eq!(rare[0][0], "6", "numbered after the five March rows");
        let first = &rows[0];
        assert_eq!(
            first[1..],
            [
                "2031",
                "2031-03",
                "Module 1",
                "Présentiel",
                "Soin",
                "Infirmier·ère",
                "2",
                "1",
                "3.0",
                "non",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                ""
            ]
        );
    }
}
